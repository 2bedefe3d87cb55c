import { createNlu } from '@budgetbuddy/bot/nlu';
import { budgetBuddyBot } from '@budgetbuddy/bot';
(async () => {
  const nlu = await createNlu(budgetBuddyBot, 'en_US');
  for (const t of process.argv.slice(2)) {
    const [r] = nlu.interpret(t, { now: new Date(), timeZone: 'UTC' });
    const slots = Object.fromEntries(Object.entries(r!.slots).filter(([, v]) => v).map(([k, v]) => [k, v!.interpretedValue]));
    console.log(JSON.stringify(t), '→', r!.intentName, r!.confidence.toFixed(2), JSON.stringify(slots));
  }
})();
