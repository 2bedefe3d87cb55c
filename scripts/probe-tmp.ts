import { budgetBuddyBot } from '@budgetbuddy/bot';
import { createNlu } from '@budgetbuddy/bot/nlu';
(async () => {
  const nlu = await createNlu(budgetBuddyBot, 'en_US');
  const ctx = { timeZone: 'UTC', now: new Date('2026-11-20T12:00:00Z') };
  for (const t of process.argv.slice(2)) {
    const all = nlu.interpret(t, ctx);
    console.log(JSON.stringify(t), all.slice(0, 3).map((i) => `${i.intentName}:${i.confidence}`).join(' '), JSON.stringify(Object.fromEntries(Object.entries(all[0]!.slots).filter(([, v]) => v).map(([k, v]) => [k, v!.originalValue]))));
  }
})();
