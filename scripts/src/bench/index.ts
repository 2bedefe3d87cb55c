/**
 * `npm run bench`: runs every `*.bench.ts` module in this folder (each exports `run()` returning flat
 * named figures), prints a table and writes all figures to bench-results.json at the repo root.
 * A module per hot path keeps the runner free of knowledge about what is measured.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

type BenchModule = { run: () => Promise<Record<string, number>>; title?: string };

function readPrevious(path: string): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
    );
  } catch {
    return {};
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  const results: Record<string, number> = {};
  const failures: string[] = [];
  for (const file of files) {
    const started = Date.now();
    process.stdout.write(`bench: ${file} … `);
    try {
      const mod = (await import(join(__dirname, file))) as BenchModule;
      const figures = await mod.run();
      Object.assign(results, figures);
      process.stdout.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    } catch (err) {
      failures.push(file);
      process.stdout.write(`FAILED: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
  const width = Math.max(...Object.keys(results).map((k) => k.length), 10);
  console.log(`\n${'figure'.padEnd(width)}  value`);
  for (const [k, v] of Object.entries(results)) console.log(`${k.padEnd(width)}  ${v}`);
  const out = resolve(__dirname, '../../../bench-results.json');
  // A subset run (`npm run bench -- web`) updates its own figures and keeps the others.
  const previous = only.length > 0 && existsSync(out) ? readPrevious(out) : {};
  writeFileSync(out, JSON.stringify({ ...previous, ...results }, null, 2) + '\n');
  console.log(`\nwrote ${out}`);
  if (failures.length) {
    console.error(`failed: ${failures.join(', ')}`);
    process.exitCode = 1;
  }
}

void main();
