/**
 * Durability, measured (issue 14 point 9), in its short form: one run of durability.ts (the suite's
 * time budget; sigkill.test.ts kills a burst too). Each
 * acknowledged expense is read back (ConsistentRead) before the whole stack is SIGKILLed mid-burst, and
 * again after a restart on the same DATA_DIR. The 20+ run figures are in docs/reliability.md
 * (`npx tsx scripts/src/reliability/durability.ts 22`).
 */
import { durabilityRun, summaryLine, totals, type RunFigures } from './durability';

const RUNS = 1;

test(`every acknowledged expense is readable before a SIGKILL and present after the restart (${RUNS} runs)`, async () => {
  const runs: RunFigures[] = [];
  for (let r = 0; r < RUNS; r++) {
    runs.push(await durabilityRun({ log: (line) => console.log(`durability run ${r + 1}: ${line}`) }));
  }
  const t = totals(runs);
  console.log(`durability: ${summaryLine(t)}`);
  // The runs must really measure something: acknowledged writes, read back before the kill.
  expect(t.acknowledged).toBeGreaterThan(0);
  expect(t.readableBeforeKill).toBeGreaterThan(0);
  // Acknowledged means stored: visible before the kill, and still there after it.
  expect(t.missingBeforeKill).toBe(0);
  expect(runs.flatMap((r) => r.items.filter((i) => i.acknowledged && i.afterRestart === 0))).toEqual([]);
  expect(t.duplicates).toBe(0);
  expect(t.consistencyDifferences).toBe(0);
}, 480_000); // each run starts the stack twice: about 80–110 s a run on the loaded shared machine
