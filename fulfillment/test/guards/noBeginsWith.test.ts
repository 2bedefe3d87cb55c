/**
 * No Query names its sort key in `begins_with` (issue 12 point 7). DynamoDB Local runs that key condition
 * as `hex(rangeKey) LIKE ?`, which SQLite cannot answer from the table's key, so each such Query read the
 * user's whole partition: the overview took 22-44× longer at 100,000 entries than at 10. Every prefix
 * Query goes through `skPrefixCondition` (store/keys.ts), an `SK BETWEEN` range, instead. The measured
 * side of the same rule is fulfillment/src/store/prefixQueries.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOTS = [join(__dirname, '..', '..', 'src'), join(__dirname, '..', '..', '..', 'scripts', 'src')];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Lines of code (not comments) with `begins_with(` on a key attribute: SK, or a placeholder for one. */
export function sortKeyBeginsWith(file: string, text: string): { file: string; line: number }[] {
  return text.split('\n').flatMap((line, i) => {
    const code = line.trim();
    if (code.startsWith('*') || code.startsWith('//') || code.startsWith('/*')) return [];
    return /begins_with\s*\(\s*(SK|#\w+|dueDay)\b/.test(code) ? [{ file, line: i + 1 }] : [];
  });
}

describe('prefix Queries stay bounded on DynamoDB Local', () => {
  test('no fulfillment or scripts source uses begins_with on a sort key', () => {
    const found = ROOTS.flatMap((root) =>
      sources(root).flatMap((path) =>
        sortKeyBeginsWith(relative(root, path).replaceAll('\\', '/'), readFileSync(path, 'utf8')),
      ),
    );
    expect(found).toEqual([]);
  });

  test('the scan does see one, in any spelling', () => {
    const planted = [
      '// begins_with(SK, :p) in a comment is fine',
      "const a = { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)' };",
      'const b = `PK = :pk AND begins_with( #sk, :p)`;',
      "const c = { FilterExpression: 'begins_with(note, :n)' };",
    ].join('\n');
    expect(sortKeyBeginsWith('x.ts', planted)).toEqual([
      { file: 'x.ts', line: 2 },
      { file: 'x.ts', line: 3 },
    ]);
  });
});
