/**
 * The overview beside the chat (issue 12 point 6) in Chromium: a panel at desktop widths, a drawer
 * from the header on a phone; budgets and goals as progress bars with their level in words; a refresh
 * after each turn that changes data; keyboard and screen-reader use; axe-core with the panel open and closed.
 */
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { useStackAndBrowser } from './support/suite';

jest.setTimeout(90_000);

const e2e = useStackAndBrowser();

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? null);

describe('the overview beside the chat', () => {
  test('at desktop width: budgets and goals as labelled progress bars, refreshed after each change', async () => {
    const { page, chat } = await e2e.openChat('e2e-overview-desk', { width: 1280, height: 800 });
    const panel = page.getByRole('complementary', { name: 'Overview' });
    await panel.waitFor();
    await panel.getByText('No budgets yet').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await chat.say('set my food budget to 100');
    const food = panel.getByRole('progressbar', { name: /Food budget/ });
    await food.waitFor();
    expect(await food.getAttribute('aria-valuenow')).toBe('0');

    await chat.say('spent 85 on lunch');
    await page.waitForFunction(
      () => document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') === '85',
    );
    expect(await food.getAttribute('aria-valuetext')).toBe('85% spent, near limit');
    await panel.getByText('Near limit').waitFor();
    await panel.getByText('$85.00 of $100.00 spent (85%), $15.00 left').waitFor();

    await chat.say('spent 20 on dinner');
    await panel.getByText('Over budget').waitFor();
    expect(await food.getAttribute('aria-valuenow')).toBe('100');
    expect(await food.getAttribute('aria-valuetext')).toBe('105% spent, over budget');

    await chat.say('I want to save 2,000 for a trip to japan by june');
    const goal = panel.getByRole('progressbar', { name: 'trip to japan' });
    await goal.waitFor();
    await chat.say('put 300 toward the japan trip');
    await page.waitForFunction(
      () => document.querySelectorAll('[role="progressbar"]')[1]?.getAttribute('aria-valuenow') === '15',
    );
    await panel.getByText('$300.00 of $2,000.00 saved (15%), $1,700.00 to go').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Tags (issue 12 point 4): this month's, most spent first, with their totals.
    await chat.say('taxi 18 #work');
    await chat.say('hotel 120 #travel');
    await chat.say('lunch 12 #work');
    const tags = panel.getByRole('region', { name: 'Top tags this month' });
    await tags.getByText('$30.00').waitFor();
    expect(await tags.getByRole('listitem').allInnerTexts()).toEqual(['#travel $120.00', '#work $30.00']);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test('on a phone: a drawer from the header, focus moves in and back, Escape closes it', async () => {
    const { page, chat } = await e2e.openChat('e2e-overview-phone', { width: 360, height: 640 });
    expect(await page.getByRole('complementary', { name: 'Overview' }).count()).toBe(0);
    await chat.say('set my grocery budget to 400');
    await chat.say('taxi 18 #work');
    expect(await axeViolations(page)).toEqual([]);

    const opener = page.getByRole('button', { name: 'Overview' });
    expect(await opener.getAttribute('aria-expanded')).toBe('false');
    await opener.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: 'Overview' });
    await drawer.waitFor();
    expect(await opener.getAttribute('aria-expanded')).toBe('true');
    expect(await focusedText(page)).toBe('Close');
    await drawer.getByRole('progressbar', { name: /Groceries budget/ }).waitFor();
    await drawer.getByRole('heading', { name: 'Savings goals' }).waitFor();
    await drawer.getByRole('region', { name: 'Top tags this month' }).getByText('#work').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    expect(await focusedText(page)).toBe('Overview');
    expect(await opener.getAttribute('aria-expanded')).toBe('false');

    // The Close button closes it too, and the chat behind works again.
    await page.keyboard.press('Enter');
    await drawer.waitFor();
    await drawer.getByRole('button', { name: 'Close' }).click();
    await drawer.waitFor({ state: 'hidden' });
    expect(await focusedText(page)).toBe('Overview');
    expect(await axeViolations(page)).toEqual([]);
    await chat.say('spent 50 on groceries');
    await page.keyboard.press('Shift+Tab');
    await opener.click();
    await drawer.getByText('$50.00 of $400.00 spent (12%), $350.00 left').waitFor();
    await page.close();
  });

  /** The open alerts the server still has for this user (the panel marks them read once shown). */
  const openAlerts = async (user: string) => {
    const res = await fetch(`${e2e.stack.chatUrl}/api/overview`, { headers: { 'X-BB-Local-User': user } });
    return ((await res.json()) as { alerts: { text: string }[] }).alerts.map((a) => a.text);
  };

  /** Waits (up to 5 s) for the panel's "mark read" to reach the server. */
  const seen = async (user: string) => {
    for (let i = 0; i < 50 && (await openAlerts(user)).length > 0; i++)
      await new Promise((r) => setTimeout(r, 100));
  };

  test('alerts: shown as new in the panel, marked read once seen, kept in view as read', async () => {
    const user = 'e2e-alerts-desk';
    const { page, chat } = await e2e.openChat(user, { width: 1280, height: 800 });
    const panel = page.getByRole('complementary', { name: 'Overview' });
    await chat.say('set my food budget to 100');
    await chat.say('spent 85 on lunch');
    const alerts = panel.getByRole('region', { name: 'Alerts' });
    const warning = alerts.getByRole('listitem').filter({ hasText: "you've used 85% of your" });
    await warning.waitFor();
    expect(await warning.getByText('New').count()).toBe(1);
    // Seen: the server no longer lists it as open.
    await seen(user);
    expect(await openAlerts(user)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await chat.say('spent 20 on dinner');
    const over = alerts.getByRole('listitem').filter({ hasText: "You're over your" });
    await over.waitFor();
    expect(await over.getByText('New').count()).toBe(1);
    // The earlier one is still in view, now without "New", below the new one.
    expect(await alerts.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^New\s+You're over your \w+ Food budget by \$5\.00/),
      expect.stringMatching(/^Heads up: you've used 85%/),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test('alerts on a phone: in the drawer, reached by keyboard, marked read when the drawer shows them', async () => {
    const user = 'e2e-alerts-phone';
    const { page, chat } = await e2e.openChat(user, { width: 360, height: 640 });
    await chat.say('set my food budget to 50');
    await chat.say('spent 60 on lunch');
    // Not seen yet while the drawer is closed.
    expect(await openAlerts(user)).toHaveLength(1);
    const opener = page.getByRole('button', { name: 'Overview' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: 'Overview' });
    const alert = drawer.getByRole('region', { name: 'Alerts' }).getByRole('listitem');
    await alert.filter({ hasText: "You're over your" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    expect(await focusedText(page)).toBe('Overview');
    await seen(user);
    expect(await openAlerts(user)).toEqual([]);
    await page.close();
  });
});
