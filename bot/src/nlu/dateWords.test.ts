/**
 * The date word lists live in dateWords.ts alone (issue 10: the NLU kept a second copy in the range
 * reader). This fails when a module spells the months or weekdays out again.
 */
import fs from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');
const ROOTS = ['bot/src', 'fulfillment/src'].map((r) => path.join(REPO, r));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

it('no module but dateWords.ts lists the month or weekday names', () => {
  const listing = /['"|]september['"|]|['"|]wednesday['"|]|\bsep\|oct\|nov\b/i;
  const offenders = ROOTS.flatMap(sources)
    .filter((file) => path.basename(file) !== 'dateWords.ts')
    .filter((file) => listing.test(fs.readFileSync(file, 'utf8')))
    .map((file) => path.relative(REPO, file));
  expect(offenders).toEqual([]);
});
