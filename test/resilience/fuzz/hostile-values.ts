import type { Random } from '../support/random.js';

const KIB = 1024;

/** Text that has broken parsers, databases, hashes and logs before. */
export const HOSTILE_TEXT: readonly string[] = [
  '',
  ' ',
  '\t\r\n',
  'a\u0000b',
  '\u0000',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\ud83d\ude00'.repeat(500),
  '\u202eevil\u202c',
  'مرحبا بالعالم',
  'שלום\u200f',
  '\ufeffbom',
  '\u200b\u200c\u200d',
  'e\u0301\u0301\u0301\u0301',
  '\uffff\ufffe',
  '\u{10ffff}',
  'Ａｃｔｉｏｎ',
  "'; DROP TABLE events; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(30)--',
  '$1',
  '%s%s%n',
  '${jndi:ldap://127.0.0.1/x}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '\\',
  '"',
  '\\u0000',
  'null',
  'undefined',
  '[object Object]',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'a'.repeat(4_001),
  'b'.repeat(65 * KIB),
];

/** Numbers at and past the edges; as JSON, NaN and Infinity turn into null, so they also come as strings. */
export const HOSTILE_NUMBERS: readonly unknown[] = [
  0,
  -0,
  -1,
  1e308,
  -1e308,
  5e-324,
  2 ** 53 + 1,
  1e21,
  3.5,
  -(2 ** 31),
  2 ** 63,
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x10',
  '1_000',
  '',
];

export const HOSTILE_DATES: readonly string[] = [
  '2017-02-30',
  '2017-02-29',
  '2016-02-29',
  '2017-13-01',
  '2017-00-10',
  '2017-04-31',
  '0000-01-01',
  '9999-12-31',
  '+275760-09-13',
  '-000001-01-01T00:00:00Z',
  '2017-2-3',
  '2017-02-28T25:61:00Z',
  '2017-01-16T18:00:00',
  '2017-01-16T18:00:00+25:00',
  '2017-01-16 18:00',
  '1970-01-01T00:00:00Z',
  '2017-01-16T18:00:00.123456789Z',
  'yesterday',
  '16/01/2017',
  '20170116',
];

export function hostileUuids(random: Random): string[] {
  const valid = random.uuid();
  return [
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    valid.toUpperCase(),
    `${valid}\n`,
    `{${valid}}`,
    valid.replace(/-/g, ''),
    '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
    'g'.repeat(36),
    `${valid}${valid}`,
    valid.slice(0, 35),
    ` ${valid}`,
  ];
}

/** Values of the wrong JSON type for any field. */
export const WRONG_TYPES: readonly unknown[] = [
  null,
  true,
  false,
  [],
  {},
  [1, 2],
  { a: 1 },
  123,
  'text',
  [null],
  [[['deep']]],
  { toString: 'x' },
];

/** An array nested this deep, as JSON text (built as text: JSON.stringify would recurse). */
export const nestedArray = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
export const nestedObject = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

export const NESTING_DEPTHS = [20, 33, 200, 5_000, 60_000] as const;

/** Any hostile value, of any kind. */
export function anyHostile(random: Random): unknown {
  const kind = random.int(0, 4);
  switch (kind) {
    case 0:
      return random.pick(HOSTILE_TEXT);
    case 1:
      return random.pick(HOSTILE_NUMBERS);
    case 2:
      return random.pick(HOSTILE_DATES);
    case 3:
      return random.pick(hostileUuids(random));
    default:
      return random.pick(WRONG_TYPES);
  }
}

/** Percent-encodes for a request line; a lone surrogate goes as its (invalid) UTF-8 bytes rather than throwing. */
export function encodeSegment(value: string): string {
  let encoded = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) encoded += `%ED%${hex(0x80 | ((code >> 6) & 0x3f))}%${hex(0x80 | (code & 0x3f))}`;
    else encoded += encodeURIComponent(char);
  }
  return encoded;
}

const hex = (byte: number) => byte.toString(16).toUpperCase();
