import type { Page, Route } from 'playwright-core';
import { artifactPath } from './support/browser';
import { ChatPage } from './support/ChatPage';
import { useStackAndBrowser } from './support/suite';

jest.setTimeout(60_000);

// Cognito is not reachable offline: its endpoints are answered by page.route, the app is real.
const REGION_HOST = 'https://cognito-idp.us-east-1.amazonaws.com';
const AUTHORITY = `${REGION_HOST}/us-east-1_TestPool`;
const DOMAIN = 'https://bb-test.auth.us-east-1.amazoncognito.com';
const CLIENT_ID = 'test-client-id';

const e2e = useStackAndBrowser();

async function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

function base64Url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function fakeIdToken(): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: 'user-123',
    email: 'pat@example.com',
    iss: AUTHORITY,
    aud: CLIENT_ID,
    iat: now,
    exp: now + 3600,
  };
  return `${base64Url({ alg: 'RS256', typ: 'JWT' })}.${base64Url(claims)}.c2ln`;
}

const cors = { 'access-control-allow-origin': '*' };

describe('keyboard, small screens, the widget and sign-in', () => {
  test('works from the keyboard alone: Tab, Enter, Shift+Enter, ArrowUp, card buttons', async () => {
    const { page, chat } = await e2e.openChat('e2e-keyboard');

    // The composer has the focus on open; the suggestions are one Shift+Tab away.
    expect(await focusedTestId(page)).toBe('composer');
    await page.keyboard.press('Shift+Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('what can you do?');
    await page.keyboard.press('Enter');
    await chat.waitForBotMessages(1);
    await expect(chat.userMessages.last().innerText()).resolves.toContain('what can you do?');
    expect(await focusedTestId(page)).toBe('composer');

    await page.keyboard.type('first line');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    await expect(chat.composer.inputValue()).resolves.toBe('first line\nsecond line');
    await expect(chat.userMessages.count()).resolves.toBe(1);

    await page.keyboard.press('Control+A');
    await page.keyboard.type('spent 4 on bus');
    const bots = await chat.botMessages.count();
    await page.keyboard.press('Enter');
    await chat.waitForBotMessages(bots + 1);
    await expect(chat.userMessages.last().innerText()).resolves.toContain('spent 4 on bus');
    await expect(chat.composer.inputValue()).resolves.toBe('');
    expect(await e2e.stack.repo.listRecent('e2e-keyboard', 10)).toHaveLength(1);

    await page.keyboard.press('ArrowUp');
    await expect(chat.composer.inputValue()).resolves.toBe('spent 4 on bus');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');

    // Back through the newest reply's buttons to Undo, and Space presses it.
    let onUndo = false;
    for (let i = 0; i < 8 && !onUndo; i++) {
      await page.keyboard.press('Shift+Tab');
      onUndo = (await page.evaluate(() => document.activeElement?.textContent)) === 'Undo';
    }
    expect(onUndo).toBe(true);
    const beforeUndo = await chat.botMessages.count();
    await page.keyboard.press('Space');
    await chat.waitForBotMessages(beforeUndo + 1);
    expect(await e2e.stack.repo.listRecent('e2e-keyboard', 10)).toHaveLength(0);
    expect(await focusedTestId(page)).toBe('composer');
    await page.screenshot({ path: artifactPath('chat-keyboard.png') });
    await page.close();
  });

  test('fits a 360 px phone screen without sideways scrolling', async () => {
    const { page, chat } = await e2e.openChat('e2e-phone', { width: 360, height: 640 });
    await chat.say('spent 12.50 on lunch');
    await chat.say('how much did I spend this month?');
    await chat.lastChart().waitFor();

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const composerBox = await chat.composer.boundingBox();
    expect(composerBox).not.toBeNull();
    expect(composerBox!.x + composerBox!.width).toBeLessThanOrEqual(360);
    expect(composerBox!.y + composerBox!.height).toBeLessThanOrEqual(640);
    const send = await page.getByRole('button', { name: 'Send' }).boundingBox();
    expect(send!.x + send!.width).toBeLessThanOrEqual(360);
    // The chart fits inside its bubble on the screen, category names and amounts included.
    const chart = await chat.lastChartFigure().boundingBox();
    expect(chart!.x).toBeGreaterThanOrEqual(0);
    expect(chart!.x + chart!.width).toBeLessThanOrEqual(360);
    const bars = await chat.lastChartFigure().locator('svg').boundingBox();
    expect(bars!.x + bars!.width).toBeLessThanOrEqual(chart!.x + chart!.width + 1);
    await page.screenshot({ path: artifactPath('chat-phone.png') });
    await page.close();
  });

  test('the widget opens the chat in an iframe, chats, and closes with Escape', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(`${e2e.stack.chatUrl}/widget-example.html`);
    const launcher = page.getByRole('button', { name: 'Open BudgetBuddy chat' });
    await launcher.waitFor();
    await expect(page.locator('iframe').count()).resolves.toBe(0);

    await launcher.click();
    const frame = page.frameLocator('iframe[title="BudgetBuddy chat"]');
    const composer = frame.getByTestId('composer');
    await composer.waitFor();
    // Opening the panel puts the caret in the chat, so a keyboard user can type at once.
    await page.waitForFunction(() => document.activeElement?.tagName === 'IFRAME');
    const chatFrame = page.frames().find((f) => f.url().includes('embed=1'));
    await expect(
      chatFrame!.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).resolves.toBe('composer');
    // One title bar (the panel's), not the chat page's header as well.
    await expect(frame.locator('.bb-header').count()).resolves.toBe(0);
    await composer.fill('spent 6 on tea');
    await composer.press('Enter');
    await frame.getByTestId('bot-message').first().waitFor();
    await expect(frame.getByTestId('bot-message').first().innerText()).resolves.toContain('6');
    await page.screenshot({ path: artifactPath('widget-open.png') });

    // Escape inside the iframe closes the panel and gives focus back to the launcher.
    await composer.press('Escape');
    await page.locator('#budgetbuddy-widget-panel').waitFor({ state: 'hidden' });
    const launcherAgain = page.getByRole('button', { name: 'Open BudgetBuddy chat' });
    await expect(launcherAgain.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('bbw-launcher');

    await launcherAgain.click();
    await expect(page.locator('#budgetbuddy-widget-panel').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('#budgetbuddy-widget-panel').waitFor({ state: 'hidden' });
    await page.close();
  });

  test('cognito mode signs in with code + PKCE, sends the bearer token and signs out at the hosted UI', async () => {
    const page = await e2e.browser.context.newPage();
    const appUrl = `${e2e.stack.chatUrl}/`;
    const idToken = fakeIdToken();
    let authorizeUrl: URL | undefined;
    let tokenForm: URLSearchParams | undefined;
    let chatAuthorization: string | undefined;

    await page.route(`${e2e.stack.chatUrl}/config.json`, (route) =>
      route.fulfill({
        json: {
          apiBase: '',
          auth: {
            mode: 'cognito',
            authority: AUTHORITY,
            clientId: CLIENT_ID,
            domain: DOMAIN,
            redirectUri: appUrl,
            logoutUri: appUrl,
          },
        },
      }),
    );
    await page.route(`${AUTHORITY}/.well-known/openid-configuration`, (route) =>
      route.fulfill({
        headers: cors,
        json: {
          issuer: AUTHORITY,
          authorization_endpoint: `${DOMAIN}/oauth2/authorize`,
          token_endpoint: `${DOMAIN}/oauth2/token`,
          jwks_uri: `${AUTHORITY}/.well-known/jwks.json`,
          response_types_supported: ['code'],
        },
      }),
    );
    await page.route(`${DOMAIN}/oauth2/authorize**`, (route: Route) => {
      authorizeUrl = new URL(route.request().url());
      const back = new URL(appUrl);
      back.searchParams.set('code', 'test-code');
      back.searchParams.set('state', authorizeUrl.searchParams.get('state') ?? '');
      // A page that navigates back rather than a 302: a redirect answered here would reach the app
      // without passing the CSP route below.
      return route.fulfill({
        contentType: 'text/html',
        body: `<script>location.replace(${JSON.stringify(back.toString())})</script>`,
      });
    });
    await page.route(`${DOMAIN}/oauth2/token`, (route) => {
      tokenForm = new URLSearchParams(route.request().postData() ?? '');
      return route.fulfill({
        headers: cors,
        json: {
          id_token: idToken,
          access_token: 'access',
          refresh_token: 'refresh',
          token_type: 'Bearer',
          expires_in: 3600,
        },
      });
    });
    await page.route(`${e2e.stack.chatUrl}/api/chat`, (route) => {
      chatAuthorization = route.request().headers()['authorization'];
      return route.fulfill({ json: { messages: [{ type: 'text', text: 'Hello, Pat.' }] } });
    });
    await page.route(`${DOMAIN}/logout**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<p>Signed out</p>' }),
    );

    // Deployed, the page's CSP names the API and Cognito origins (docker-entrypoint.sh writes it); the
    // local server's, like a local deployment's, lets the page connect to itself only.
    await page.route(
      (url) => url.origin === new URL(appUrl).origin && url.pathname === '/',
      async (route) => {
        const response = await route.fetch();
        const csp = (response.headers()['content-security-policy'] ?? '')
          .replace("connect-src 'self'", `connect-src 'self' ${REGION_HOST} ${DOMAIN}`)
          .replace("form-action 'self'", `form-action 'self' ${DOMAIN}`);
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
      },
    );

    await page.goto(appUrl);
    const chat = new ChatPage(page);
    await chat.composer.waitFor();

    expect(authorizeUrl?.searchParams.get('response_type')).toBe('code');
    expect(authorizeUrl?.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorizeUrl?.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizeUrl?.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenForm?.get('code')).toBe('test-code');
    expect(tokenForm?.get('code_verifier')).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    // The code is not left in the address bar to be replayed by a reload.
    expect(new URL(page.url()).searchParams.has('code')).toBe(false);
    await expect(page.getByText('pat@example.com').isVisible()).resolves.toBe(true);

    await expect(chat.say('hi')).resolves.toContain('Hello, Pat.');
    expect(chatAuthorization).toBe(`Bearer ${idToken}`);

    // No token is kept where scripts could read it later: not in localStorage, not in sessionStorage.
    const stored = await page.evaluate(() =>
      [localStorage, sessionStorage].flatMap((s) =>
        Array.from({ length: s.length }, (_, i) => s.getItem(s.key(i) ?? '') ?? ''),
      ),
    );
    expect(stored.filter((v) => v.includes('"refresh"') || v.includes(idToken))).toEqual([]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${DOMAIN}/logout**`);
    const logout = new URL(page.url());
    expect(logout.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(logout.searchParams.get('logout_uri')).toBe(appUrl);

    // Signing out also forgets this user's conversation in this browser.
    const other = await e2e.browser.context.newPage();
    await other.goto(`${e2e.stack.chatUrl}/widget-example.html`);
    const kept = await other.evaluate(() => localStorage.getItem('budgetbuddy:history:v1:cognito:user-123'));
    expect(kept).toBeNull();
    await other.close();
    await page.close();
  });

  test("opening the chat as another user removes the previous user's conversation from the browser", async () => {
    const { page, chat } = await e2e.openChat('e2e-first-user');
    await chat.say('spent 4.20 on tea');
    const keys = () =>
      page.evaluate(() =>
        Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '').filter((k) =>
          k.startsWith('budgetbuddy:history:'),
        ),
      );
    await expect(keys()).resolves.toEqual(['budgetbuddy:history:v1:local:e2e-first-user']);

    await chat.open(e2e.stack.chatUrl, 'e2e-next-user');
    await expect(chat.botMessages.count()).resolves.toBe(0);
    const left = await keys();
    expect(left.filter((k) => k.endsWith('e2e-first-user'))).toEqual([]);
    await page.close();
  });
});
