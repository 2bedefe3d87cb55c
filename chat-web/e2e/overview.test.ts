/**
 * The overview beside the chat (issue 12 point 6) in Chromium: a panel at desktop widths, a drawer
 * from the header on a phone; budgets and goals as progress bars with their level in words; a refresh
 * after each turn that changes data; keyboard and screen-reader use; axe-core with the panel open and closed.
 */
import type { Page } from 'playwright-core';
import { startStack, type Stack } from './support/stack';
import { launchBrowser, type TestBrowser } from './support/browser';
import { ChatPage } from './support/ChatPage';
import { axeViolations } from './support/axe';
import { ensureWebBuild } from '@budgetbuddy/scripts/local';

jest.setTimeout(90_000);

let stack: Stack;
let browser: TestBrowser;

beforeAll(async () => {
  ensureWebBuild();
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? null);

describe('the overview beside the chat', () => {
  test('at desktop width: budgets and goals as labelled progress bars, refreshed after each change', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const chat = new ChatPage(page);
    await chat.open(stack.chatUrl, 'e2e-overview-desk');
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
    await page.close();
  });

  test('on a phone: a drawer from the header, focus moves in and back, Escape closes it', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 640 });
    const chat = new ChatPage(page);
    await chat.open(stack.chatUrl, 'e2e-overview-phone');
    expect(await page.getByRole('complementary', { name: 'Overview' }).count()).toBe(0);
    await chat.say('set my grocery budget to 400');
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
});
