/**
 * Accounts by chat in the browser (issue 12 point 1): a person types an account's balance into the
 * chat and the overview beside it shows the balance; a transfer moves it on both lines. Through the
 * shipped bot, the real proxy, the local Lex runtime and DynamoDB Local; axe-core stays clean.
 */
import { axeViolations } from './support/axe';
import { useStackAndBrowser } from './support/suite';

jest.setTimeout(90_000);

const e2e = useStackAndBrowser();

describe('accounts in the chat and the overview', () => {
  test('"I have 2500 in my checking account" shows the balance in the overview; a transfer moves it', async () => {
    const { page, chat } = await e2e.openChat('e2e-accounts-desk', { width: 1280, height: 800 });
    const panel = page.getByRole('complementary', { name: 'Overview' });
    await panel.getByText('No budgets yet').waitFor();
    expect(await panel.getByRole('region', { name: 'Balances' }).count()).toBe(0);

    expect(await chat.say('I have 2500 in my checking account')).toContain(
      'Added your Checking account with $2,500.00.',
    );
    const balances = panel.getByRole('region', { name: 'Balances' });
    await balances.getByRole('listitem').filter({ hasText: 'Checking $2,500.00' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await chat.say('add a cash wallet with 200');
    expect(await chat.say('moved 100 from checking to cash')).toContain(
      'Moved $100.00 from Checking to Cash.',
    );
    await balances.getByRole('listitem').filter({ hasText: 'Checking $2,400.00' }).waitFor();
    await balances.getByRole('listitem').filter({ hasText: 'Cash $300.00' }).waitFor();
    expect(await chat.say('how much cash do I have')).toContain('Cash: $300.00.');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
