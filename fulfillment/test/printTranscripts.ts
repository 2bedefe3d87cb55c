/**
 * Writes docs/transcripts.md, and the first ten into README.md's "Transcripts" section: twelve
 * conversations run through the real stack (Lex client → local runtime → NLU → code hook → DynamoDB
 * Local), at a fixed instant so the output is reproducible.
 *
 *   npx tsx fulfillment/test/printTranscripts.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startConversationHarness } from '@budgetbuddy/scripts/harness';
import { transcriptTurn } from './support/replies';
import { SettableClock } from '@budgetbuddy/bot/testing';

interface Script {
  title: string;
  user: string;
  timeZone?: string;
  setup?: 'history';
  turns: string[];
}

const SCRIPTS: Script[] = [
  {
    title: 'Logging, a missing category, undo, and never mind',
    user: 't-1',
    turns: [
      'hi',
      'spent 12.50 on lunch',
      'spent 20',
      'Groceries',
      'undo',
      'undo',
      'no',
      'spent 30',
      'never mind',
    ],
  },
  {
    title: 'Fixing the entry just logged',
    user: 't-2',
    turns: [
      'spent 12.50 on lunch',
      'no, make that 15',
      'actually it was yesterday',
      'change it to groceries',
      'spent 30',
      'spent 12 on food',
      'list my transactions',
    ],
  },
  {
    title: 'A budget and its warnings at 80% and 100%',
    user: 't-3',
    turns: [
      'set my food budget to 100',
      'spent 50 on food',
      'spent 35 on food',
      'spent 20 on food',
      'how am I doing',
    ],
  },
  {
    title: 'Questions and follow-ups',
    user: 't-4',
    setup: 'history',
    turns: [
      'how much did I spend on food last month?',
      'and in October?',
      'what about transport?',
      'how much have I spent since monday',
      'how much on coffee this month',
    ],
  },
  {
    title: 'Replacing a budget, declining a second change, then undo',
    user: 't-5',
    turns: [
      'set my grocery budget to 400',
      'set my grocery budget to 450',
      'yes',
      'set my grocery budget to 500',
      'no',
      'undo',
    ],
  },
  {
    title: 'Checking budgets',
    user: 't-6',
    turns: [
      'show my budgets',
      'set my overall budget to 1500',
      'set my transport budget to 120',
      'spent 40 on transport',
      'show my budgets',
      "what's left for transport this week",
    ],
  },
  {
    title: 'History and deleting',
    user: 't-7',
    setup: 'history',
    turns: [
      'list my transactions',
      'delete the coffee from yesterday',
      'no',
      'delete my last transaction',
      'yes',
      'undo',
      'delete everything',
    ],
  },
  {
    title: 'Bad amounts, an unknown category, a typo and a date in the future',
    user: 't-8',
    turns: [
      'spent 0 on lunch',
      '8.75',
      'spent 12 on xyzzy',
      'Shopping',
      'I spent 30 on food tomorrow',
      'no',
      'yesterday',
      'paid 30 for coffee on friday',
      'spent 30 on dinner on feb 30',
      'yesterday',
    ],
  },
  {
    title: 'Income',
    user: 't-9',
    turns: [
      'got paid 2000 salary',
      'received 300 from freelance work',
      'how much did I earn this month',
      'list my transactions',
    ],
  },
  {
    title: 'Your own currency: euros, then Vietnamese dong (no decimals)',
    user: 't-10',
    timeZone: 'Asia/Ho_Chi_Minh',
    turns: [
      'set my currency to EUR',
      'spent 12.50 on lunch',
      'spent 5 dollars on coffee',
      '4.50',
      'switch to VND',
      'spent 45000 on lunch',
      'spent 12.5 on food',
      '30000',
      'how much did I spend this month',
    ],
  },
  {
    title: 'Help, small talk and out-of-scope chatter (nothing is saved)',
    user: 't-11',
    turns: ['what is the weather', 'tell me a joke', 'help', 'thanks', 'list my transactions'],
  },
  {
    title: 'Changing an entry by what it was, learning from it, and undoing any change',
    user: 't-13',
    turns: [
      'spent 45 at ikea',
      'spent 4 on coffee',
      'change the ikea one to 55',
      'put the ikea one under housing',
      'ikea 80',
      'undo',
      'set my currency to EUR',
      'undo',
      'change the yacht one to 5',
    ],
  },
  {
    title: 'Insights and small talk',
    user: 't-14',
    setup: 'history',
    turns: [
      "what's my biggest expense",
      'average daily spending this month',
      'show my spending by week',
      'am i spending more than usual on food',
      'how ya doin',
      'are you a bot?',
      'what kind of questions can you answer',
    ],
  },
  {
    title: 'A request of its own while a question is open',
    user: 't-15',
    turns: [
      'bought a gizmo for 9',
      'how much have i spent this month',
      'spent 30',
      'actually it was transport',
    ],
  },
  {
    title: 'Removing a budget',
    user: 't-12',
    turns: [
      'set my food budget to 200',
      'spent 25 on food',
      'delete my food budget',
      'yes',
      'show my budgets',
    ],
  },
];

async function main(): Promise<void> {
  const clock = new SettableClock('2026-11-22T17:00:00Z');
  const h = await startConversationHarness({ clock });
  const intro = [
    'Real output of `npx tsx fulfillment/test/printTranscripts.ts`: each line was sent with the real',
    '`@aws-sdk/client-lex-runtime-v2` client to the local Lex V2 runtime (NLU trained from `bot/`), which',
    'called the fulfillment code hook backed by DynamoDB Local. The clock stands at Sunday 2026-11-22,',
    '12:00 in New York (the time zone sent unless a conversation says otherwise). Buttons are shown in',
    'brackets; a chart payload is what the chat app draws as a chart.',
    '',
  ];
  const sections: string[][] = [];
  let seq = 0;
  try {
    for (const [index, script] of SCRIPTS.entries()) {
      if (script.setup === 'history') {
        const rows: [string, number, string, string?][] = [
          ['2026-09-10', 4000, 'Food'],
          ['2026-10-03', 10000, 'Food', 'birthday dinner'],
          ['2026-10-20', 6000, 'Transport', 'train pass'],
          ['2026-11-02', 8000, 'Food', 'pizza night'],
          ['2026-11-16', 3000, 'Transport'],
          ['2026-11-21', 450, 'Food', 'coffee'],
        ];
        for (const [date, amountMinor, category, note] of rows) {
          await h.repo.logTransaction(script.user, {
            kind: 'expense',
            amountMinor,
            currency: 'USD',
            category,
            date,
            ...(note ? { note } : {}),
            source: 'seed',
            requestId: `transcript-seed-${++seq}`,
          });
        }
      }
      const out = [`## ${index + 1}. ${script.title}`, ''];
      if (script.setup === 'history')
        out.push('*(Seeded history: expenses from September to November.)*', '');
      if (script.timeZone) out.push(`*(Time zone sent by the browser: ${script.timeZone}.)*`, '');
      for (const text of script.turns) {
        const reply = await h.say(script.user, text, script.timeZone ? { timeZone: script.timeZone } : {});
        out.push(transcriptTurn(text, reply), '');
      }
      sections.push(out);
    }
  } finally {
    await h.close();
  }
  const root = resolve(__dirname, '../..');
  const doc = ['# BudgetBuddy transcripts', '', ...intro, ...sections.flat()];
  writeFileSync(resolve(root, 'docs/transcripts.md'), doc.join('\n'));
  // README shows the first ten, one heading level down, between its markers.
  const readmePath = resolve(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const [start, end] = ['<!-- transcripts:start -->', '<!-- transcripts:end -->'];
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  const body = sections
    .slice(0, 10)
    .flat()
    .map((line) => (line.startsWith('## ') ? `#${line}` : line));
  writeFileSync(
    readmePath,
    `${readme.slice(0, from + start.length)}\n\n${[...intro, ...body].join('\n')}\n${readme.slice(to)}`,
  );
  console.log('wrote docs/transcripts.md and the Transcripts section of README.md');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
