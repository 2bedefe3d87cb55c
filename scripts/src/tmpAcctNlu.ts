import { budgetBuddyBot, LOCALE_ID } from '@budgetbuddy/bot';
import { createNlu } from '@budgetbuddy/bot/nlu';
(async () => {
  const nlu = await createNlu(budgetBuddyBot, LOCALE_ID);
  const texts = process.argv.slice(2);
  for (const t of texts) {
    const [top] = nlu.interpret(t, { timeZone: 'UTC', now: new Date('2026-12-03T12:00:00Z') });
    const slots = Object.fromEntries(Object.entries(top?.slots ?? {}).filter(([, v]) => v).map(([k, v]) => [k, v!.interpretedValue]));
    console.log(JSON.stringify(t), '→', top?.intentName, JSON.stringify(slots));
  }
})();
