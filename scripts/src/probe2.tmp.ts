import { createNlu } from '@budgetbuddy/bot/nlu';
import { budgetBuddyBot } from '@budgetbuddy/bot';
(async () => {
  const nlu = await createNlu(budgetBuddyBot, 'en_US');
  for (const t of process.argv.slice(2)) {
    const rs = nlu.interpret(t, { now: new Date(), timeZone: 'UTC' });
    console.log(JSON.stringify(t), rs.map((r) => `${r.intentName}:${r.confidence.toFixed(2)}`).join(' '));
  }
})();
