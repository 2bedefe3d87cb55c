/**
 * Phrasings people used that the NLU once misread (issue 10). Each names what a user would notice:
 * the intent the bot acts on and the values it acts with. Each was wrong before its fix.
 */
import { budgetBuddyBot } from '../definition/bot';
import { IntentName, SlotName } from '../definition/names';
import type { Nlu, NluContext, NluInterpretation } from './index';
import { createNlu } from './index';

let nlu: Nlu;
beforeAll(async () => {
  nlu = await createNlu(budgetBuddyBot, 'en_US');
}, 60_000);

const ctx: NluContext = { timeZone: 'America/New_York', now: new Date('2026-11-18T15:00:00Z') };
const top = (text: string): NluInterpretation => {
  const [first] = nlu.interpret(text, ctx);
  if (!first) throw new Error('no interpretation');
  return first;
};
const values = (i: NluInterpretation): Record<string, string> =>
  Object.fromEntries(Object.entries(i.slots).flatMap(([name, v]) => (v ? [[name, v.interpretedValue]] : [])));

describe('misreads (issue 10)', () => {
  it.each<[string, string, Record<string, string>]>([
    // Was FallbackIntent: "first" did not name an entry to delete.
    ['delete the first two', IntentName.DeleteTransaction, { [SlotName.Entry]: 'first two' }],
    // Was a second expense of 15: a restated amount corrects the last entry.
    [
      'it was 15 for lunch',
      IntentName.EditTransaction,
      { [SlotName.Amount]: '15', [SlotName.Category]: 'Food' },
    ],
    // Was FallbackIntent: "won" was a word only chatter used.
    ['won 50 in the lottery', IntentName.LogIncome, { [SlotName.Amount]: '50' }],
    // Was FallbackIntent once savings goals came: "fund" read as a goal's, and the income was dropped.
    [
      'received 288 from mutual fund',
      IntentName.LogIncome,
      { [SlotName.Amount]: '288', [SlotName.Category]: 'Investment' },
    ],
    // Was Help: the bag of words saw "which … do i … at" and no spending word.
    [
      'which merchants do i spend the most at',
      IntentName.SpendingInsights,
      { [SlotName.Insight]: 'TopNotes' },
    ],
    ["what's my biggest expense", IntentName.SpendingInsights, { [SlotName.Insight]: 'Biggest' }],
    [
      'average daily spending this month',
      IntentName.SpendingInsights,
      { [SlotName.Insight]: 'DailyAverage', [SlotName.Date]: '2026-11-01' },
    ],
    ['how ya doin', IntentName.SmallTalk, { [SlotName.Topic]: 'HowAreYou' }],
    ['what kind of questions can you answer', IntentName.Help, {}],
  ])('"%s" → %s %j', (text, intent, slots) => {
    const reading = top(text);
    expect(reading.intentName).toBe(intent);
    expect(values(reading)).toEqual(expect.objectContaining(slots));
  });

  it('does not take other sentences of the same shapes for writes', () => {
    for (const text of ['that was 20 years ago', 'it was 5 degrees outside', 'delete the first email'])
      expect(top(text).intentName).toBe(IntentName.FallbackIntent);
  });
});

describe('words nobody here wrote a sample with (issue 10)', () => {
  // As CLINC's accept lists: any of the read intents about one's spending answers a spending question.
  const spendingRead = [IntentName.QuerySpending, IntentName.ListTransactions, IntentName.SpendingInsights];
  it.each<[string, readonly string[]]>([
    // WordNet's words for spending (queryLexicon.ts), read as the sample words they mean.
    ['what have my outlays been', spendingRead],
    ['what have my expenditures been of late', spendingRead],
    ['show me my disbursements', spendingRead],
    // Vague time words (dateWords.ts) are a period, as "last month" is.
    ['how much did i spend over the past few weeks', spendingRead],
    // Contractions read as the words written out in the samples.
    ["how've you been", [IntentName.SmallTalk]],
    // A misspelt topic word, read as the word it is one or two edits from (queryWords.ts).
    ['show me my recent transactoin', spendingRead],
    // A spending question the main network gave to "none of these": the network of money reads places it.
    ['i want to know my recent spending', spendingRead],
  ])('"%s" → one of %j', (text, accept) => {
    expect(accept).toContain(top(text).intentName);
  });

  it('does not read a food named in a kitchen question as a budget question', () => {
    expect(top('how do i make tuna salad').intentName).toBe(IntentName.FallbackIntent);
  });
});

describe('savings goals and recurring payments said in other words (issue 10)', () => {
  it.each<[string, string]>([
    // Was FallbackIntent: "fund" was no goal word for a question, and the goal's name counted as unknown.
    ['how is my emergency fund', IntentName.CheckGoal],
    ["how's my japan goal going", IntentName.CheckGoal],
    ['am i on track for my savings goal', IntentName.CheckGoal],
    ['cancel my gym membership', IntentName.CancelRecurring],
  ])('"%s" → %s', (text, intent) => {
    expect(top(text).intentName).toBe(intent);
  });
});

describe('names of shops and cards in a spending question (issue 10)', () => {
  it('reads a spending question that names a shop and a card the bot never saw', () => {
    expect([IntentName.QuerySpending, IntentName.ListTransactions, IntentName.SpendingInsights]).toContain(
      top('what did i spend at zorblax on my quuxbank card last month').intentName,
    );
  });
});

describe('numbers that are not what they look like (found by trying it, 2026-12-03)', () => {
  it('does not read "1e9" as an amount of 1: the bot must ask, not log $1.00', () => {
    const i = top('spent 1e9 on food');
    expect(values(i)[SlotName.Amount]).toBeUndefined();
  });
});

describe('things bought that no sample names (found by trying it, 2026-12-03)', () => {
  it.each(['spent 25 on cat litter', 'spent 9 on kitty litter', 'paid 40 for a litter box'])(
    'reads "%s" as spending, not as something else',
    (text) => {
      const i = top(text);
      expect(i.intentName).toBe(IntentName.LogExpense);
      expect(values(i)[SlotName.Amount]).toBe(text.match(/\d+/)?.[0]);
    },
  );

  it('still judges a longer sentence that merely holds one', () => {
    expect(top('my neighbour spent 25 on cat litter and then the weather turned').intentName).not.toBe(
      IntentName.LogExpense,
    );
  });
});
