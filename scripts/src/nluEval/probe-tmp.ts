import { budgetBuddyBot, LOCALE_ID } from '@budgetbuddy/bot';
import type { BotDefinition } from '@budgetbuddy/bot';
import { createNlu } from '@budgetbuddy/bot/nlu';
import { readClinc, scoreClinc } from './clinc';
const NOW = new Date('2026-11-18T15:00:00Z');
(async () => {
  const drop = (process.argv[2] ?? '').split(',').filter(Boolean);
  const stripTag = process.argv[3] === 'notag';
  const locale = budgetBuddyBot.locales[0]!;
  const bot: BotDefinition = {
    ...budgetBuddyBot,
    locales: [{
      ...locale,
      intents: locale.intents.filter((i) => !drop.includes(i.name)).map((i) => stripTag ? { ...i, sampleUtterances: i.sampleUtterances.filter((u) => !u.includes('{Tag}') || i.name === 'TagTransaction'), slots: i.name === 'TagTransaction' ? i.slots : i.slots.filter((s) => s.name !== 'Tag') } : i),
    }],
  };
  const nlu = await createNlu(bot, LOCALE_ID);
  const f = scoreClinc(nlu, readClinc('dev-finance'), NOW);
  const o = scoreClinc(nlu, readClinc('dev-out-of-scope'), NOW);
  if (process.env.SHOW) { console.log(f.misses.join('\n')); console.log('--- oos writes'); console.log(JSON.stringify(Object.keys(o))); console.log(o.misses.filter((m) => /^(TagTransaction|AddCategory|RenameCategory|MergeCategory|ListCategories|LogExpense|SetBudget)/.test(m)).join("\n")); }
  console.log(drop.join(',') || 'none', stripTag, 'finance', f.answered.toFixed(3), 'oos', o.answered.toFixed(3), 'oosWrites', o.writes.toFixed(4));
})();
