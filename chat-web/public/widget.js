/* global document, window */
/**
 * BudgetBuddy embeddable widget. Add to any page:
 *   <script src="https://chat.example.com/widget.js" data-bb-origin="https://chat.example.com" defer></script>
 * It adds a floating button that opens the chat app (`/?embed=1`) in an iframe panel.
 * Optional: data-bb-user="alice" (local mode only: who the local stack should treat you as).
 * Plain ES2017 with no dependencies, so it runs on any host page as a classic script.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || document.getElementById('budgetbuddy-widget')) return;

  var origin = script.getAttribute('data-bb-origin') || new URL(script.src, window.location.href).origin;
  var chatUrl = new URL('/', origin);
  chatUrl.searchParams.set('embed', '1');
  var user = script.getAttribute('data-bb-user');
  if (user) chatUrl.searchParams.set('user', user);

  var css =
    '#budgetbuddy-widget{position:fixed;right:16px;bottom:16px;z-index:2147483000;font-family:system-ui,sans-serif}' +
    '#budgetbuddy-widget .bbw-launcher{width:56px;height:56px;border-radius:50%;border:0;background:#2f6fde;color:#fff;' +
    'display:grid;place-items:center;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}' +
    '#budgetbuddy-widget .bbw-launcher:hover{background:#1f4fa8}' +
    '#budgetbuddy-widget .bbw-launcher:focus-visible,#budgetbuddy-widget .bbw-close:focus-visible{outline:3px solid #f0b429;outline-offset:2px}' +
    '#budgetbuddy-widget .bbw-panel{position:fixed;right:16px;bottom:84px;width:380px;height:min(620px,calc(100vh - 100px));' +
    'display:flex;flex-direction:column;background:#fff;border-radius:12px;overflow:hidden;box-shadow:0 8px 30px rgba(0,0,0,.3)}' +
    '#budgetbuddy-widget .bbw-panel[hidden]{display:none}' +
    '#budgetbuddy-widget .bbw-bar{display:flex;align-items:center;gap:8px;min-height:48px;padding:0 6px 0 16px;background:#2f6fde;color:#fff}' +
    '#budgetbuddy-widget .bbw-title{flex:1;margin:0;font-size:17px;font-weight:700;display:flex;align-items:center;gap:8px}' +
    '#budgetbuddy-widget .bbw-close{width:36px;height:36px;border:0;border-radius:50%;background:transparent;color:#fff;' +
    'font-size:24px;line-height:1;cursor:pointer;display:grid;place-items:center}' +
    '#budgetbuddy-widget .bbw-close:hover{background:rgba(255,255,255,.18)}' +
    '#budgetbuddy-widget iframe{flex:1;width:100%;border:0}' +
    '@media (max-width:480px){#budgetbuddy-widget .bbw-panel{right:0;bottom:0;width:100vw;height:100vh;height:100dvh;border-radius:0}}';

  var root = document.createElement('div');
  root.id = 'budgetbuddy-widget';
  var style = document.createElement('style');
  style.textContent = css;
  root.appendChild(style);

  var panel = document.createElement('div');
  panel.className = 'bbw-panel';
  panel.id = 'budgetbuddy-widget-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', 'BudgetBuddy chat');
  panel.hidden = true;

  var svgNs = 'http://www.w3.org/2000/svg';
  var BUBBLE = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z';
  var CROSS = 'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z';
  // Inline SVG icons: host pages may have no emoji or icon font.
  function makeIcon(d, size) {
    var svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', String(size));
    svg.setAttribute('height', String(size));
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(svgNs, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', 'currentColor');
    svg.appendChild(path);
    return svg;
  }

  // The panel's title bar: the chat inside hides its own header when embedded.
  var bar = document.createElement('div');
  bar.className = 'bbw-bar';
  var title = document.createElement('p');
  title.className = 'bbw-title';
  title.appendChild(makeIcon(BUBBLE, 20));
  title.appendChild(document.createTextNode('BudgetBuddy'));
  bar.appendChild(title);
  var close = document.createElement('button');
  close.type = 'button';
  close.className = 'bbw-close';
  close.title = 'Close';
  close.appendChild(makeIcon(CROSS, 22));
  close.setAttribute('aria-label', 'Close BudgetBuddy chat');
  bar.appendChild(close);
  panel.appendChild(bar);

  var launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'bbw-launcher';
  var launcherIcon = makeIcon(BUBBLE, 26);
  launcher.appendChild(launcherIcon);
  launcher.setAttribute('aria-label', 'Open BudgetBuddy chat');
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', panel.id);

  root.appendChild(panel);
  root.appendChild(launcher);

  var iframe = null;

  function open() {
    // The iframe is created on first open, so the host page pays nothing until then.
    if (!iframe) {
      iframe = document.createElement('iframe');
      iframe.title = 'BudgetBuddy chat';
      iframe.src = chatUrl.toString();
      iframe.setAttribute('allow', 'clipboard-write');
      panel.appendChild(iframe);
    }
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    launcher.setAttribute('aria-label', 'Close BudgetBuddy chat');
    launcherIcon.firstChild.setAttribute('d', CROSS);
    iframe.focus();
  }

  function hide() {
    if (panel.hidden) return;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-label', 'Open BudgetBuddy chat');
    launcherIcon.firstChild.setAttribute('d', BUBBLE);
    launcher.focus();
  }

  launcher.addEventListener('click', function () {
    if (panel.hidden) open();
    else hide();
  });
  close.addEventListener('click', hide);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') hide();
  });
  // Escape pressed inside the iframe arrives as a message from the chat app.
  window.addEventListener('message', function (event) {
    if (event.origin !== chatUrl.origin || !iframe || event.source !== iframe.contentWindow) return;
    if (event.data && event.data.type === 'budgetbuddy:close') hide();
  });

  if (document.body) document.body.appendChild(root);
  else
    document.addEventListener('DOMContentLoaded', function () {
      document.body.appendChild(root);
    });
})();
