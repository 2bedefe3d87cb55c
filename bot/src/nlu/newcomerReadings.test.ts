/**
 * What a newcomer said on `npm start` and the bot misread (nlufree brief): a shop after "at" kept in the
 * note, an account named with "called", a misspelt account word, money put toward a goal. Each reading
 * goes through the shipped bot definition, as the local Lex runtime reads it.
 */
import { budgetBuddyBot } from '../definition/bot';
import { IntentName } from '../definition/names';
import type { Nlu, NluInterpretation } from './index';
import { createNlu } from './index';

let nlu: Nlu;
beforeAll(async () => {
  nlu = await createNlu(budgetBuddyBot, 'en_US');
}, 60_000);

const top = (text: string): NluInterpretation => {
  const [first] = nlu.interpret(text, {
    timeZone: 'America/New_York',
    now: new Date('2026-12-03T17:00:00Z'),
  });
  if (!first) throw new Error('no interpretation');
  return first;
};
const values = (i: NluInterpretation): Record<string, string> =>
  Object.fromEntries(Object.entries(i.slots).flatMap(([name, v]) => (v ? [[name, v.interpretedValue]] : [])));

describe('a shop after "at" stays in the note, an account after a link does not', () => {
  it.each<[string, Record<string, string>]>([
    // "costco" alone names groceries; after "at" it says where the coffee was bought.
    [
      'coffee 4 at costco yesterday',
      { Amount: '4', Category: 'Food', Date: '2026-12-02', Note: 'coffee at costco' },
    ],
    [
      'lunch 12 at chipotle with cash',
      { Amount: '12', Category: 'Food', Note: 'lunch at chipotle', Account: 'Cash' },
    ],
    [
      'gas 40 at shell on my visa',
      { Amount: '40', Category: 'Transport', Note: 'gas at shell', Account: 'Visa' },
    ],
    ['coffee 4 with my visa', { Amount: '4', Category: 'Food', Account: 'Visa' }],
    ['spent 12 on lunch with cash', { Amount: '12', Category: 'Food', Account: 'Cash' }],
  ])('"%s" → LogExpense %j', (text, slots) => {
    const reading = top(text);
    expect(reading.intentName).toBe(IntentName.LogExpense);
    expect(values(reading)).toEqual(slots);
  });

  it('"change the costco one to 5.50" describes the entry by its shop', () => {
    const reading = top('change the costco one to 5.50');
    expect(reading.intentName).toBe(IntentName.EditTransaction);
    expect(values(reading)).toEqual({ Entry: 'costco', Amount: '5.5' });
  });
});
