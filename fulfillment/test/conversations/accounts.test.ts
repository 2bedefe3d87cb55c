/**
 * Accounts, transfers, balances and jars by chat (issue 12 point 1), end to end through the shipped bot:
 * the real Lex SDK client, the local Lex runtime and its NLU, the code hook and DynamoDB Local.
 */
import { dialogType, intentName, replyButtons, replyText } from '../support/replies';
import { storedBalances, useConversationHarness } from '../support/conversation';

// Thursday 2026-12-03, noon in New York.

const { h } = useConversationHarness('2026-12-03T17:00:00Z');

const month = { granularity: 'month', key: '2026-12' } as const;
const balances = (user: string) => storedBalances(h.repo, user);

describe('accounts by chat', () => {
  test('opens accounts with their balances, and the first everyday one takes unnamed entries', async () => {
    const checking = await h.say('acct-1', 'I have 2,500 in my checking account');
    expect(intentName(checking)).toBe('AddAccount');
    expect(replyText(checking)).toContain('Added your Checking account with $2,500.00.');
    expect(replyText(checking)).toContain("When you don't name an account, I'll use Checking.");
    const cash = await h.say('acct-1', 'add a cash wallet with 200');
    expect(replyText(cash)).toContain('Added your Cash account with $200.00.');

    const lunch = await h.say('acct-1', 'spent 12 on lunch');
    expect(intentName(lunch)).toBe('LogExpense');
    expect(await balances('acct-1')).toEqual({ checking: 248_800, cash: 20_000 });
  });

  test('spending with cash comes out of the cash account', async () => {
    await h.say('acct-2', 'add a cash wallet with 200');
    const spent = await h.say('acct-2', 'spent 40 on groceries with cash');
    expect(intentName(spent)).toBe('LogExpense');
    expect(replyText(spent)).toContain('Logged $40.00 for Groceries today from Cash.');
    expect(replyText(spent)).toContain('Cash: $160.00.');
    const [entry] = await h.repo.listRecent('acct-2', 1);
    expect(entry).toMatchObject({ account: 'cash', amountMinor: 4000, category: 'Groceries' });
    expect((await h.repo.getPeriodTotals('acct-2', month, 'USD')).expenseTotalMinor).toBe(4000);
  });

  test('card spending is money owed, and the reply says so', async () => {
    await h.say('acct-3', 'add my visa');
    const gas = await h.say('acct-3', 'paid 60 for gas on my visa');
    expect(intentName(gas)).toBe('LogExpense');
    expect(replyText(gas)).toContain('Logged $60.00 for Transport today from Visa.');
    expect(replyText(gas)).toContain(
      'Spending on a credit card adds to what you owe: Visa (credit card): you owe $60.00.',
    );
    expect(await balances('acct-3')).toEqual({ visa: -6000 });
  });

  test('a transfer moves money between accounts and leaves spending totals unchanged', async () => {
    await h.say('acct-4', 'I have 2,500 in my checking account');
    await h.say('acct-4', 'add a cash wallet with 200');
    await h.say('acct-4', 'spent 30 on lunch');
    const before = await h.repo.getPeriodTotals('acct-4', month, 'USD');
    const move = await h.say('acct-4', 'moved 100 from checking to cash');
    expect(intentName(move)).toBe('TransferMoney');
    expect(replyText(move)).toContain('Moved $100.00 from Checking to Cash.');
    expect(replyText(move)).toContain('neither spending nor income');
    expect(await balances('acct-4')).toEqual({ checking: 237_000, cash: 30_000 });
    expect(await h.repo.getPeriodTotals('acct-4', month, 'USD')).toEqual(before);
    const spent = await h.say('acct-4', 'how much did I spend this month');
    expect(replyText(spent)).toContain('$30.00');
  });

  test('answers what the balances are, and how much cash there is', async () => {
    await h.say('acct-5', 'I have 2,500 in my checking account');
    await h.say('acct-5', 'add a cash wallet with 200');
    await h.say('acct-5', 'I owe 300 on my visa');
    const all = await h.say('acct-5', 'what are my balances');
    expect(intentName(all)).toBe('QueryBalance');
    expect(replyText(all)).toContain('• Checking: $2,500.00');
    expect(replyText(all)).toContain('• Cash: $200.00');
    expect(replyText(all)).toContain('• Visa (credit card): you owe $300.00');
    expect(replyText(all)).toContain('Net across these: $2,400.00');
    const cash = await h.say('acct-5', 'how much cash do I have');
    expect(intentName(cash)).toBe('QueryBalance');
    expect(replyText(cash)).toBe('Cash: $200.00.');
  });

  test('a retried transfer turn moves the money once', async () => {
    await h.say('acct-6', 'I have 1000 in my checking account');
    await h.say('acct-6', 'add a cash wallet with 50');
    await h.say('acct-6', 'moved 100 from checking to cash', { requestId: 'same-transfer' });
    await h.say('acct-6', 'moved 100 from checking to cash', { requestId: 'same-transfer' });
    expect(await balances('acct-6')).toEqual({ checking: 90_000, cash: 15_000 });
  });

  test('undo takes a transfer back', async () => {
    await h.say('acct-7', 'I have 1000 in my checking account');
    await h.say('acct-7', 'add a cash wallet with 50');
    await h.say('acct-7', 'moved 100 from checking to cash');
    const undo = await h.say('acct-7', 'undo');
    expect(intentName(undo)).toBe('Undo');
    expect(replyText(undo)).toBe('Undone: I moved $100.00 back from Cash to Checking.');
    expect(await balances('acct-7')).toEqual({ checking: 100_000, cash: 5000 });
  });

  test('a jar split fills the six jars from income logged afterwards', async () => {
    const split = await h.say('acct-8', 'split my salary into jars');
    expect(intentName(split)).toBe('SetJarSplit');
    expect(replyText(split)).toContain('Necessities 55%, Financial freedom 10%, Education 10%');
    const pay = await h.say('acct-8', 'got 3000 salary');
    expect(intentName(pay)).toBe('LogIncome');
    expect(replyText(pay)).toContain('Into your jars: Necessities $1,650.00, Financial freedom $300.00');
    expect(await balances('acct-8')).toMatchObject({
      necessities: 165_000,
      'financial freedom': 30_000,
      education: 30_000,
      'long-term savings': 30_000,
      play: 30_000,
      give: 15_000,
      main: 0,
    });
    // Income is still income: the jars are transfers.
    expect((await h.repo.getPeriodTotals('acct-8', month, 'USD')).incomeTotalMinor).toBe(300_000);
    await h.say('acct-8', 'undo');
    expect(await balances('acct-8')).toMatchObject({ necessities: 0, give: 0, main: 0 });
  });

  test('a custom split said as six numbers', async () => {
    const split = await h.say('acct-9', 'split my salary into jars 50 10 10 10 10 10');
    expect(replyText(split)).toContain('Necessities 50%');
    expect(replyText(split)).toContain('Give 10%');
  });

  test('an account the person does not have is asked about, and nothing is logged until then', async () => {
    await h.say('acct-10', 'add a cash wallet with 20');
    const ask = await h.say('acct-10', 'paid 60 for gas on my amex');
    expect(dialogType(ask)).toBe('ElicitSlot');
    expect(replyText(ask)).toContain("You don't have an amex account yet.");
    expect(await h.repo.listRecent('acct-10', 5)).toEqual([]);
    const answered = await h.say('acct-10', 'cash');
    expect(replyText(answered)).toContain('Logged $60.00 for Transport today from Cash.');
    expect(await balances('acct-10')).toEqual({ cash: -4000 });
  });

  test('an account the person lacks is asked about with theirs only: no hidden "Main account" beside their default', async () => {
    await h.say('acct-16', 'I have 2,500 in my checking account');
    const ask = await h.say('acct-16', 'paid 60 for gas on my visa');
    expect(replyText(ask)).toContain("You don't have a visa account yet.");
    expect(replyButtons(ask).map((b) => b.text)).toEqual(['Checking']);
    // Someone who keeps no account of their own is still offered the one unnamed entries go to.
    const none = await h.say('acct-17', 'paid 60 for gas on my visa');
    expect(replyButtons(none).map((b) => b.text)).toEqual(['Main account']);
  });

  test('a split written with slashes is six percentages, not a date', async () => {
    const split = await h.say('acct-11', 'split my salary into jars 55/10/10/10/10/5');
    expect(intentName(split)).toBe('SetJarSplit');
    expect(replyText(split)).toContain('Necessities 55%, Financial freedom 10%, Education 10%');
    expect(replyText(split)).toContain('Give 5%');
    expect(replyText(split)).not.toContain('standard split');
  });
});

describe('people leaving the script', () => {
  test('a question while the bot waits for an account is answered, and nothing is logged', async () => {
    await h.say('acct-12', 'add a cash wallet with 20');
    const ask = await h.say('acct-12', 'paid 60 for gas on my amex');
    expect(dialogType(ask)).toBe('ElicitSlot');
    const cash = await h.say('acct-12', 'how much cash do I have');
    expect(intentName(cash)).toBe('QueryBalance');
    expect(replyText(cash)).toContain('Cash: $20.00.');
    expect(await h.repo.listRecent('acct-12', 5)).toEqual([]);
    expect(await balances('acct-12')).toEqual({ cash: 2000 });
  });

  test('a transfer to an account the person does not have offers theirs and moves nothing', async () => {
    await h.say('acct-13', 'I have 1000 in my checking account');
    await h.say('acct-13', 'add a cash wallet with 50');
    const ask = await h.say('acct-13', 'moved 100 from checking to amex');
    expect(intentName(ask)).toBe('TransferMoney');
    expect(dialogType(ask)).toBe('ElicitSlot');
    expect(replyText(ask)).toContain("You don't have an amex account.");
    expect(replyButtons(ask).map((b) => b.text)).toEqual(expect.arrayContaining(['Cash']));
    expect(await balances('acct-13')).toEqual({ checking: 100_000, cash: 5000 });
    const answered = await h.say('acct-13', 'to cash');
    expect(replyText(answered)).toContain('Moved $100.00 from Checking to Cash.');
    expect(await balances('acct-13')).toEqual({ checking: 90_000, cash: 15_000 });
  });

  test('asking for the balance of an account the person does not have lists theirs', async () => {
    await h.say('acct-14', 'add a cash wallet with 50');
    const ask = await h.say('acct-14', 'how much is in my savings');
    expect(intentName(ask)).toBe('QueryBalance');
    expect(replyText(ask)).toContain("You don't have a savings account. Yours are: Cash.");
    expect(await balances('acct-14')).toEqual({ cash: 5000 });
  });

  test('sentences that only sound like accounts open none', async () => {
    for (const text of ['I have 3 brothers', 'I have a question', 'I have 2 kids', 'I have 2 credit cards']) {
      const reply = await h.say('acct-15', text);
      expect({ text, intent: intentName(reply) }).toEqual({ text, intent: 'FallbackIntent' });
    }
    expect(await h.repo.accounts.listAccounts('acct-15')).toEqual([]);
    expect(await h.repo.listRecent('acct-15', 5)).toEqual([]);
  });
});
