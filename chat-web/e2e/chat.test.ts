import { artifactPath } from './support/browser';
import { useStackAndBrowser } from './support/suite';

jest.setTimeout(60_000);

const e2e = useStackAndBrowser();

async function expenseCount(user: string): Promise<number> {
  return (await e2e.stack.repo.listRecent(user, 50)).length;
}

describe('chat app', () => {
  test('logging an expense by typing shows and announces the reply; Undo removes it', async () => {
    const { page, chat } = await e2e.openChat('e2e-undo');
    await expect(page.getByRole('button', { name: 'spent 12.50 on lunch' }).isVisible()).resolves.toBe(true);

    const reply = await chat.say('spent 12.50 on lunch');

    await expect(chat.userMessages.last().innerText()).resolves.toContain('spent 12.50 on lunch');
    expect(reply).toContain('12.50');
    await expect(chat.announcer.innerText()).resolves.toContain('12.50');
    await expect(chat.announcer.getAttribute('aria-live')).resolves.toBe('polite');
    expect(await expenseCount('e2e-undo')).toBe(1);

    const bots = await chat.botMessages.count();
    const undo = chat.botMessages.getByRole('button', { name: /undo/i }).last();
    const undoLabel = await undo.innerText();
    const undoButton = await undo.elementHandle();
    await undo.click();
    await chat.waitForBotMessages(bots + 1);

    // The button's text, not its value, is what the user's bubble shows.
    await expect(chat.userMessages.last().innerText()).resolves.toContain(undoLabel);
    const undoReply = (await chat.botMessages.allInnerTexts()).slice(bots).join('\n');
    expect(undoReply).toContain('12.50');
    expect(await expenseCount('e2e-undo')).toBe(0);
    // The answered card's buttons are spent: a second "Undo" there would undo something else.
    await expect(undoButton!.isDisabled()).resolves.toBe(true);
    // The focus is back in the composer, ready for the next message.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'composer',
    );
    await page.screenshot({ path: artifactPath('chat-undo.png') });
    await page.close();
  });

  test('setting a budget, then asking for spending draws a chart with its text twin', async () => {
    const { page, chat } = await e2e.openChat('e2e-chart');
    await expect(chat.say('set my grocery budget to 400')).resolves.toMatch(/400/);
    await expect(e2e.stack.repo.listBudgets('e2e-chart')).resolves.toHaveLength(1);

    await chat.say('spent 20 on groceries');
    await chat.say('how much did I spend this month?');

    await chat.lastChart().waitFor();
    const chartMessage = chat.botMessages.filter({ has: page.getByTestId('spending-chart') }).last();
    await page.screenshot({ path: artifactPath('chat-chart.png') });
    await expect(chartMessage.locator('.recharts-bar-rectangle').count()).resolves.toBeGreaterThan(0);
    // Each bar is labelled with its category and amount, drawn from the CustomPayload.
    const drawn = await chat.lastChartFigure().textContent();
    expect(drawn).toContain('Groceries');
    expect(drawn).toContain('$20.00');
    // The chart's code loads after the bubble appears; the list still ends on the newest message.
    await expect(chat.inConversationView(chat.botMessages.last())).resolves.toBe(true);
    // The text twin (for screen readers) carries the same numbers.
    await expect(chartMessage.locator('p.bb-text').textContent()).resolves.toContain('20');

    // Kept across a reload: the chart is drawn again from history, and the view ends on it.
    await page.reload();
    await chat.lastChart().waitFor();
    await expect(chat.inConversationView(chat.botMessages.last())).resolves.toBe(true);
    await page.close();
  });

  test('when the chart code cannot load, the reply still reads as text and the chat goes on', async () => {
    const { page, chat } = await e2e.openChat('e2e-chart-offline');
    await page.route('**/assets/SpendingChart-*.js', (route) => route.abort('internetdisconnected'));
    await chat.say('spent 20 on groceries');
    await chat.say('how much did I spend this month?');

    const twin = chat.botMessages.locator('p.bb-text', { hasText: 'Groceries' }).last();
    await twin.waitFor();
    await expect(twin.isVisible()).resolves.toBe(true);
    await expect(chat.lastChartFigure().count()).resolves.toBe(0);
    await expect(chat.say('what can you do?')).resolves.not.toBe('');
    await page.close();
  });

  test('history survives a reload and is kept per user', async () => {
    const { page, chat } = await e2e.openChat('e2e-history');
    await chat.say('spent 3.75 on coffee');
    const before = await chat.botMessages.allInnerTexts();

    await page.reload();
    await chat.composer.waitFor();
    await expect(chat.botMessages.allInnerTexts()).resolves.toEqual(before);
    await expect(chat.userMessages.last().innerText()).resolves.toContain('spent 3.75 on coffee');

    // Another user in the same browser starts with an empty conversation.
    await chat.open(e2e.stack.chatUrl, 'e2e-someone-else');
    await expect(chat.botMessages.count()).resolves.toBe(0);
    await page.close();
  });

  test('a failed send keeps the text, explains, and Retry logs the expense exactly once', async () => {
    const { page, chat } = await e2e.openChat('e2e-retry');
    let failNext = true;
    const sentIds: string[] = [];
    await page.route('**/api/chat', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { clientMessageId?: string };
      sentIds.push(body.clientMessageId ?? '');
      if (failNext) {
        failNext = false;
        await route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'Unavailable', message: 'BudgetBuddy is briefly unavailable.' },
          }),
        });
        return;
      }
      // Slow enough that the typing indicator can be seen.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });

    await chat.composer.fill('spent 9.99 on pizza');
    await chat.composer.press('Enter');
    await chat.sendError.waitFor();

    await expect(chat.sendError.innerText()).resolves.toContain('BudgetBuddy is briefly unavailable.');
    await expect(chat.composer.inputValue()).resolves.toBe('spent 9.99 on pizza');
    expect(await expenseCount('e2e-retry')).toBe(0);

    await chat.sendError.getByRole('button', { name: 'Retry' }).click();
    await page.getByTestId('typing').waitFor();
    await chat.waitForBotMessages(1);
    await expect(chat.botMessages.first().innerText()).resolves.toContain('9.99');
    // The Retry button is gone with the error panel; the focus went back to the composer.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'composer',
    );

    await expect(chat.sendError.count()).resolves.toBe(0);
    await expect(chat.composer.inputValue()).resolves.toBe('');
    expect(sentIds).toHaveLength(2);
    expect(sentIds[1]).toBe(sentIds[0]);
    expect(await expenseCount('e2e-retry')).toBe(1);
    await page.close();
  });

  test('an over-long message is neither cut nor sent; it waits to be shortened', async () => {
    const { page, chat } = await e2e.openChat('e2e-long');
    const long = `spent 5 on ${'a very long note '.repeat(70)}`;
    expect(long.length).toBeGreaterThan(1024);
    await chat.composer.fill(long);
    await chat.composer.press('Enter');

    await expect(chat.composer.inputValue()).resolves.toBe(long);
    await expect(page.getByTestId('composer-count').innerText()).resolves.toMatch(/too long/);
    await expect(page.getByRole('button', { name: 'Send' }).isDisabled()).resolves.toBe(true);
    await expect(chat.userMessages.count()).resolves.toBe(0);
    await page.close();
  });

  test('HTML typed by the user is shown as text, never turned into elements', async () => {
    const { page, chat } = await e2e.openChat('e2e-html');
    const hostile =
      '<img src=x onerror="window.__pwned=1"><b id="injected">bold</b><script>window.__pwned=2</script>';
    await chat.say(hostile);

    await expect(chat.userMessages.last().innerText()).resolves.toContain(hostile);
    await expect(page.locator('#injected').count()).resolves.toBe(0);
    await expect(page.locator('.bb-message img').count()).resolves.toBe(0);
    await expect(
      page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).resolves.toBeUndefined();
    await page.close();
  });
});
