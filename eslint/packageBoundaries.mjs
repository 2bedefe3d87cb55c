/**
 * Package boundaries (issue 15): a workspace package is reached only through its package.json
 * `exports` (`@budgetbuddy/bot/lex`, `@budgetbuddy/fulfillment/store`, …), never through its files.
 * `no-restricted-imports` (DEEP_IMPORT_PATTERNS) refuses `import … from '@budgetbuddy/<pkg>/src/…'`; this
 * rule refuses what that cannot see: a relative path that climbs out of the importing file's package
 * (`../../bot/src/…`) in any form, and a deep `@budgetbuddy/…` path in `import()`, `typeof import()`,
 * `require()` and `jest.requireActual()`/`jest.mock()`.
 */
import path from 'node:path';

const PACKAGES = ['bot', 'fulfillment', 'chat-web', 'infra', 'scripts'];
/** `@budgetbuddy/<pkg>/<two or more segments>` or `…/src`: a file path, not an `exports` subpath. */
const DEEP_IMPORT = /^@budgetbuddy\/[^/]+\/([^/]+\/.+|src|test|lib|e2e|bin)$/;
const DEEP_IMPORT_MESSAGE =
  "reach it only through its public surface (its package.json exports, e.g. '@budgetbuddy/bot/lex', '@budgetbuddy/fulfillment/store'), never its files.";
const LOADERS = new Set(['require', 'requireActual', 'requireMock', 'mock', 'doMock', 'unmock']);

/** The workspace package a file belongs to, from its path relative to the repo root; null for root files. */
function packageOf(relativeFile) {
  const first = relativeFile.split(/[\\/]/)[0];
  return PACKAGES.includes(first) ? first : null;
}

/** @type {import('eslint').Rule.RuleModule} */
const packageBoundariesRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Packages meet only through their package.json exports.' },
    schema: [],
    messages: {
      deep: "'{{source}}' is a file of another package: {{hint}}",
      outOfPackage:
        "'{{source}}' climbs out of {{from}}/ into {{to}}: import it from that package's public surface (@budgetbuddy/{{to}}/…, see its package.json exports).",
    },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = packageOf(path.relative(root, file));
    if (!from) return {};
    const check = (node, dynamic = false) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      if (dynamic && DEEP_IMPORT.test(node.value)) {
        context.report({ node, messageId: 'deep', data: { source: node.value, hint: DEEP_IMPORT_MESSAGE } });
        return;
      }
      if (!node.value.startsWith('.')) return;
      const target = path.relative(root, path.resolve(path.dirname(file), node.value));
      const to = packageOf(target);
      if (to !== from)
        context.report({
          node,
          messageId: 'outOfPackage',
          data: { source: node.value, from, to: to ?? 'the repo root' },
        });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source, true),
      TSImportType: (node) => check(node.source, true),
      CallExpression(node) {
        const callee = node.callee;
        const name =
          callee.type === 'Identifier'
            ? callee.name
            : callee.type === 'MemberExpression' && !callee.computed
              ? callee.property.name
              : null;
        if (name && LOADERS.has(name)) check(node.arguments[0], true);
      },
    };
  },
};

export const packageBoundaries = {
  rules: { 'package-boundaries': packageBoundariesRule },
};

/** `no-restricted-imports` patterns for static imports; this rule applies the same test to the others. */
export const DEEP_IMPORT_PATTERNS = [{ regex: DEEP_IMPORT.source, message: DEEP_IMPORT_MESSAGE }];
