/**
 * fast-check generators for hostile chat traffic: what a careless client, a fuzzer or an attacker sends
 * to POST /api/chat. Two kinds of case: a well-formed JSON request whose fields carry nasty values, and a
 * raw request whose body, type or method is wrong.
 */
import fc from 'fast-check';

export type HostileCase =
  | {
      kind: 'chat';
      label: string;
      /** Usually a string; other JSON types on purpose. */
      text: unknown;
      extra?: Record<string, unknown>;
    }
  | {
      kind: 'raw';
      label: string;
      method: string;
      path: string;
      headers: Record<string, string>;
      body?: string | Buffer;
    };

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const zeroWidthOrBidi = fc.constantFrom(
  '\u200b', // zero-width space
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u202e', // right-to-left override
  '\u202d',
  '\u2066',
  '\u2069',
  '\u0085',
  '\u2028',
  '\u2029',
);
const rtlText = fc.constantFrom('مرحبا', 'اشتريت غداء', 'שלום', 'קניתי', '\u202e21 no tneps');
const emoji = fc.constantFrom('😀', '💸', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇺🇸', '🍔', '🧾', '\u{1F4B0}');

const weirdNumber = fc.oneof(
  fc.constantFrom(
    '1e309',
    '-1e309',
    '1e-400',
    '-0',
    '0',
    '0.00',
    'NaN',
    'Infinity',
    '-Infinity',
    '0x1F',
    '1_000',
    '9007199254740993',
    '99999999999999999999999999999999',
    '1,000,000,000,000,000',
    '12.345.67',
    '.5',
    '5.',
    '--5',
    '+-5',
    '١٢',
    '１２',
    'twelve fifty',
    '$-5',
    '€1e3',
  ),
  fc.bigInt({ min: 10n ** 15n, max: 10n ** 60n }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
);

const injection = fc.constantFrom(
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.cookie)</script>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  "'; DROP TABLE transactions; --",
  "' OR '1'='1",
  '1; DELETE FROM ledger WHERE 1=1',
  '{"text":"spent 5 on lunch"}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '${7*7}',
  '{{7*7}}',
  '%s%s%s%n',
  '../../../../etc/passwd',
  'USER#alice',
  'bb:userId=alice',
  '\\u0000',
  'null',
  'undefined',
);

const shortTextUnits = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: control },
  { weight: 1, arbitrary: zeroWidthOrBidi },
  { weight: 1, arbitrary: rtlText },
  { weight: 1, arbitrary: emoji },
  { weight: 1, arbitrary: injection },
  { weight: 1, arbitrary: weirdNumber },
);

const messyText = fc.array(shortTextUnits, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(' '));

/** Sentences the bot would act on, with hostile amounts, categories and notes inside them. */
const financeShaped = fc
  .tuple(
    fc.constantFrom(
      'spent {n} on {x}',
      'spent {n} on lunch',
      'I paid {n} for {x}',
      'log an expense of {n}',
      'got paid {n}',
      'earned {n} from {x}',
      'set my {x} budget to {n}',
      'set a budget of {n}',
      'how much did I spend on {x}',
      'delete transaction {x}',
      'show my last {n} transactions',
      'spent {n} on {x} note {x}',
      '{n}',
      '{x}',
    ),
    weirdNumber,
    messyText,
  )
  .map(([template, n, x]) => template.replaceAll('{n}', n).replaceAll('{x}', x));

const longText = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1024, maxLength: 1400 }),
  fc.string({ unit: 'binary-ascii', minLength: 1000, maxLength: 1100 }),
  fc.integer({ min: 1020, max: 1100 }).map((n) => 'spent 5 on lunch '.padEnd(n, 'x')),
  fc.integer({ min: 1, max: 40 }).map((n) => '💸'.repeat(n * 30)),
);

const chatText = fc.oneof(
  { weight: 6, arbitrary: messyText },
  { weight: 6, arbitrary: financeShaped },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: longText },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n\t', '\u200b', '\u0000') },
);

const wrongTypedText = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** Fields the proxy must ignore: none of them may change whose data is touched. */
const ignoredFields = fc.record(
  {
    userId: fc.constantFrom('alice', 'admin', '*'),
    sessionId: fc.constantFrom('alice', 'u-0000', '../other'),
    sessionAttributes: fc.constant({ 'bb:userId': 'alice' }),
    sessionState: fc.constant({
      sessionAttributes: { 'bb:userId': 'alice' },
      dialogAction: { type: 'Close' },
    }),
    requestAttributes: fc.constant({ 'bb:requestId': 'fixed-request-id', 'bb:userId': 'alice' }),
    deep: fc.jsonValue({ maxDepth: 4 }),
  },
  { requiredKeys: [] },
);

/** Fields the proxy must refuse with a 400 that says what is wrong. */
const invalidFields = fc.oneof(
  // Never a valid id (8–64 of [A-Za-z0-9_-]): a repeated valid id would rightly log once for two
  // "Logged" replies and spoil the count of what was stored.
  fc.record({
    clientMessageId: fc.oneof(
      fc.string({ maxLength: 7 }),
      fc.constantFrom('x'.repeat(65), 'has space!', '../../x/y/z', '<script>x</script>'),
      fc.integer(),
      fc.constant(null),
    ),
  }),
  fc.record({
    timeZone: fc.oneof(fc.string({ minLength: 65, maxLength: 100 }), fc.integer(), fc.constant(null)),
  }),
);

/** Plausible-looking but unknown time zones are accepted and fall back; they must not break a turn. */
const oddTimeZone = fc.record({
  timeZone: fc.constantFrom(
    'Mars/Olympus_Mons',
    '../../etc/passwd',
    'UTC',
    'Asia/Ho_Chi_Minh',
    '',
    'Etc/GMT+14',
  ),
});

const extraFields = fc.oneof(
  { weight: 10, arbitrary: fc.constant({}) },
  { weight: 3, arbitrary: ignoredFields },
  { weight: 1, arbitrary: oddTimeZone },
  { weight: 1, arbitrary: invalidFields },
);

const JSON_TYPE: Record<string, string> = { 'content-type': 'application/json' };

function raw(
  label: string,
  body: string | Buffer | undefined,
  headers: Record<string, string> = JSON_TYPE,
  method = 'POST',
): HostileCase {
  return { kind: 'raw', label, method, path: '/api/chat', headers, ...(body === undefined ? {} : { body }) };
}

const malformedRaw: fc.Arbitrary<HostileCase> = fc.oneof(
  fc.string({ maxLength: 40 }).map((s) => raw('not JSON', `{text: ${s}`)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => raw('arbitrary JSON value', JSON.stringify(v) ?? 'null')),
  fc
    .integer({ min: 17_000, max: 24_000 })
    .map((n) => raw('20 KB body', JSON.stringify({ text: 'spent 5 on lunch '.padEnd(n, 'z') }))),
  fc
    .constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/json; charset=utf-16',
      '',
    )
    .map((type) =>
      raw(
        'wrong content type',
        JSON.stringify({ text: 'spent 3 on coffee' }),
        type ? { 'content-type': type } : {},
      ),
    ),
  fc
    .uint8Array({ minLength: 1, maxLength: 64 })
    .map((bytes) =>
      raw(
        'invalid UTF-8 bytes',
        Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xff, 0xfe, ...bytes]), Buffer.from('"}')]),
      ),
    ),
  fc
    .integer({ min: 1_000, max: 5_000 })
    .map((depth) => raw('deeply nested JSON', `{"text":"hi","x":${'['.repeat(depth)}${']'.repeat(depth)}}`)),
  fc
    .constantFrom('GET', 'PUT', 'DELETE', 'PATCH')
    .map((method) =>
      raw('wrong method', method === 'GET' ? undefined : JSON.stringify({ text: 'hi' }), JSON_TYPE, method),
    ),
  fc
    .constantFrom(
      '{"text":"hi","__proto__":{"polluted":true}}',
      '{"text":"hi","constructor":{"prototype":{"polluted":true}}}',
      '{"text":"spent 5 on lunch","text":"spent 6 on lunch"}',
      '{"text":"hi"} trailing',
      '\ufeff{"text":"hi"}',
    )
    .map((body) => raw('tricky JSON', body)),
  fc.constant(raw('empty body', '')),
);

export const hostileCase: fc.Arbitrary<HostileCase> = fc.oneof(
  {
    weight: 14,
    arbitrary: fc
      .tuple(chatText, extraFields)
      .map(([text, extra]): HostileCase => ({ kind: 'chat', label: 'chat text', text, extra })),
  },
  {
    weight: 1,
    arbitrary: wrongTypedText.map((text): HostileCase => ({ kind: 'chat', label: 'wrong type', text })),
  },
  { weight: 3, arbitrary: malformedRaw },
);

/** The same `count` cases for the same `seed`, every run. */
export function hostileCases(seed: number, count: number): HostileCase[] {
  return fc.sample(hostileCase, { seed, numRuns: count });
}
