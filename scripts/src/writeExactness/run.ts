/**
 * `npx tsx scripts/src/writeExactness/run.ts [--count N] [--seed S] [--store memory|dynamo]
 * [--concurrency C] [--json out.json] [--failures FAILURES.md]`: the generated write-exactness run of issue 11, printed as the
 * jest test prints it. Exits 1 when the thresholds are not met.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { formatFailuresMarkdown, formatReport, runWriteExactness, type StoreKind } from './runWriteExactness';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      seed: { type: 'string' },
      store: { type: 'string' },
      concurrency: { type: 'string' },
      json: { type: 'string' },
      wrong: { type: 'string' },
      failures: { type: 'string' },
      remark: { type: 'string' },
    },
  });
  const store = (values.store ?? 'memory') as StoreKind;
  if (store !== 'memory' && store !== 'dynamo') throw new Error('--store is memory or dynamo');
  const report = await runWriteExactness({
    store,
    ...(values.count ? { count: Number(values.count) } : {}),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
    onProgress: (done, total) => {
      if (done % 250 === 0 || done === total) process.stderr.write(`  ${done}/${total}\n`);
    },
  });
  console.log(formatReport(report, values.wrong ? Number(values.wrong) : 30));
  if (values.failures) {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    writeFileSync(values.failures, formatFailuresMarkdown(report, commit, values.remark ?? ''));
  }
  if (values.json) {
    writeFileSync(
      values.json,
      JSON.stringify(
        report.results.map((r) => ({
          text: r.message.text,
          outcome: r.outcome,
          failure: r.failure,
          expected: r.message.expected,
          stored: r.stored,
          otherWrites: r.otherWrites,
          reply: r.reply,
        })),
        null,
        1,
      ),
    );
  }
  const pass = report.exactRate >= 0.99 && report.counts.wrong === 0;
  process.exitCode = pass ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 2;
});
