/**
 * The lint rule that keeps packages apart (issue 15): another package is reached only through its
 * package.json `exports`. ESLint runs the repo's own eslint.config.mjs on snippets placed at real paths.
 * It runs in a child process because ESLint loads its config with a dynamic import(), which jest's
 * module sandbox does not allow.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

interface Snippet {
  file: string;
  code: string;
}

/** The rule ids ESLint reports for each snippet, in order. */
function ruleIdsOf(snippets: Snippet[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const snippets = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const s of snippets) {
        const [result] = await eslint.lintText(s.code, { filePath: s.file });
        out.push(result.messages.map((m) => m.ruleId ?? m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });
  `;
  const out = execFileSync(process.execPath, ['-e', script, JSON.stringify(snippets)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[][];
}

const BOUNDARY = 'budgetbuddy/package-boundaries';
const RESTRICTED = 'no-restricted-imports';

test('an import into another package is refused in every form, and its public surface is not', () => {
  const snippets: Snippet[] = [
    // Refused: a file of another package, by package name...
    {
      file: 'fulfillment/src/x.ts',
      code: "import { IntentName } from '@budgetbuddy/bot/src/definition/names';\nexport const n = IntentName;\n",
    },
    {
      file: 'scripts/src/x.ts',
      code: "export { createCodeHook } from '@budgetbuddy/fulfillment/src/codeHook';\n",
    },
    // ...also where the domain's own no-restricted-imports block applies...
    {
      file: 'fulfillment/src/domain/ledger/x.ts',
      code: "import type { IsoDay } from '@budgetbuddy/bot/src/nlu/calendar';\nexport type D = IsoDay;\n",
    },
    // ...by a relative path that climbs out of the package...
    {
      file: 'scripts/src/bench/x.ts',
      code: "import { budgetBuddyBot } from '../../../bot/src/definition/bot';\nexport const b = budgetBuddyBot;\n",
    },
    {
      file: 'chat-web/e2e/x.ts',
      code: "import { startStack } from '../../scripts/src/stack';\nexport const s = startStack;\n",
    },
    // ...and through the loaders no-restricted-imports does not see.
    {
      file: 'infra/test/x.ts',
      code: "export const m = jest.requireActual('@budgetbuddy/bot/src/definition/bot');\n",
    },
    { file: 'infra/test/y.ts', code: "export type M = typeof import('../../bot/src/definition/bot');\n" },
    {
      file: 'scripts/src/y.ts',
      code: "export const load = () => import('@budgetbuddy/fulfillment/src/store/table');\n",
    },
    // Allowed: the surfaces, and relative imports inside one's own package.
    {
      file: 'scripts/src/z.ts',
      code: [
        "import { IntentName } from '@budgetbuddy/bot';",
        "import type { LexEvent } from '@budgetbuddy/bot/lex';",
        "import { ensureTable } from '@budgetbuddy/fulfillment/store';",
        "import { startStack } from './stack';",
        "import { LAMBDA_BUNDLE } from '@budgetbuddy/infra/bundling';",
        'export const all = [IntentName, ensureTable, startStack, LAMBDA_BUNDLE];',
        'export type E = LexEvent;',
        '',
      ].join('\n'),
    },
    {
      file: 'fulfillment/src/intents/z.ts',
      code: "import { close } from '../lex/dialogActions';\nexport const c = close;\n",
    },
  ];
  expect(ruleIdsOf(snippets)).toEqual([
    [RESTRICTED],
    [RESTRICTED],
    [RESTRICTED],
    [BOUNDARY],
    [BOUNDARY],
    [BOUNDARY],
    [BOUNDARY],
    [BOUNDARY],
    [],
    [],
  ]);
}, 120_000);
