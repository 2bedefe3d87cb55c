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
    '#budgetbuddy-widget .bbw-launcher:focus-visible,#budgetbuddy-widget .bbw-close:focus-visible{outline:3px solid #f0b429;outline-offset:2px}' +
    '#budgetbuddy-widget .bbw-panel{position:fixed;right:16px;bottom:84px;width:380px;height:min(620px,calc(100vh - 100px));' +
    'display:flex;flex-direction:column;background:#fff;border-radius:12px;overflow:hidden;box-shadow:0 8px 30px rgba(0,0,0,.3)}' +
    '#budgetbuddy-widget .bbw-panel[hidden]{display:none}' +
    '#budgetbuddy-widget .bbw-bar{display:flex;justify-content:flex-end;background:#2f6fde}' +
    '#budgetbuddy-widget .bbw-close{border:0;background:transparent;color:#fff;font-size:14px;padding:6px 12px;cursor:pointer}' +
    '#budgetbuddy-widget iframe{flex:1;width:100%;border:0}' +
    '@media (max-width:480px){#budgetbuddy-widget .bbw-panel{right:0;bottom:0;width:100vw;height:100vh;border-radius:0}}';

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

  var bar = document.createElement('div');
  bar.className = 'bbw-bar';
  var close = document.createElement('button');
  close.type = 'button';
  close.className = 'bbw-close';
  close.textContent = 'Close';
  close.setAttribute('aria-label', 'Close BudgetBuddy chat');
  bar.appendChild(close);
  panel.appendChild(bar);

  var launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'bbw-launcher';
  // An inline SVG icon: host pages may have no emoji font.
  var svgNs = 'http://www.w3.org/2000/svg';
  var icon = document.createElementNS(svgNs, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('width', '26');
  icon.setAttribute('height', '26');
  icon.setAttribute('aria-hidden', 'true');
  var bubble = document.createElementNS(svgNs, 'path');
  bubble.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z');
  bubble.setAttribute('fill', 'currentColor');
  icon.appendChild(bubble);
  launcher.appendChild(icon);
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
    iframe.focus();
  }

  function hide() {
    if (panel.hidden) return;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-label', 'Open BudgetBuddy chat');
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
