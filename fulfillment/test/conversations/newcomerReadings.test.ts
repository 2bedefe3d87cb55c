/**
 * What a newcomer said on `npm start` and the bot misread (nlufree brief), end to end through the real
 * Lex client: what gets written, and what a later turn can find by the words said first.
 */
import { intentName, replyText } from '../support/replies';
import { useConversationHarness } from '../support/conversation';

// Thursday 2026-12-03, noon in New York.
const NOON = '2026-12-03T17:00:00Z';

const { h } = useConversationHarness(NOON, { resetClock: true });

const recent = (user: string) => h.repo.listRecent(user, 50);

describe('a shop said after "at" is kept with the entry', () => {
  test('"coffee 4 at costco yesterday" keeps costco, so "change the costco one to 5.50" edits it', async () => {
    await h.say('shop-1', 'coffee 4 at costco yesterday');
    expect(await recent('shop-1')).toMatchObject([
      { amountMinor: 400, category: 'Food', date: '2026-12-02', note: 'coffee at costco' },
    ]);
    const fixed = await h.say('shop-1', 'change the costco one to 5.50');
    expect(intentName(fixed)).toBe('EditTransaction');
    expect(replyText(fixed)).toContain('$5.50');
    expect(await recent('shop-1')).toMatchObject([{ amountMinor: 550, note: 'coffee at costco' }]);
  });

  test('"gas 40 at shell on my visa" keeps the shop in the note and the card as the account', async () => {
    await h.say('shop-2', 'add my visa card');
    await h.say('shop-2', 'gas 40 at shell on my visa');
    const [entry] = await recent('shop-2');
    expect(entry).toMatchObject({
      amountMinor: 4000,
      category: 'Transport',
      note: 'gas at shell',
      account: 'visa',
    });
  });
});
