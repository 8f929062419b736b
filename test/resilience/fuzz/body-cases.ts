import type { Random } from '../support/random.js';
import {
  anyHostile,
  HOSTILE_DATES,
  HOSTILE_NUMBERS,
  HOSTILE_TEXT,
  hostileUuids,
  nestedArray,
  nestedObject,
  NESTING_DEPTHS,
  WRONG_TYPES,
} from './hostile-values.js';
import type { Schema } from './openapi-operations.js';

/** Ids that exist, by the kind of thing they name, so that some requests get past "not found". */
export type KnownIds = Readonly<
  Record<'action' | 'resolution' | 'meeting' | 'committee' | 'post' | 'person' | 'snapshot', readonly string[]>
>;

const RAW = '\u0001raw\u0001';

/** Which kind of id a field or path parameter names, by its name. */
export function idKindOf(name: string): keyof KnownIds | undefined {
  const lower = name.toLowerCase();
  if (lower.includes('action')) return 'action';
  if (lower.includes('resolution')) return 'resolution';
  if (lower.includes('meeting')) return 'meeting';
  if (lower.includes('committee')) return 'committee';
  if (lower.includes('post')) return 'post';
  if (lower.includes('person')) return 'person';
  if (lower.includes('snapshot')) return 'snapshot';
  return undefined;
}

export function idFor(name: string, ids: KnownIds, random: Random): string {
  const kind = idKindOf(name);
  const known = kind ? ids[kind] : [];
  return known.length > 0 && random.chance(0.85) ? random.pick(known) : random.uuid();
}

/** A value the schema accepts, as a well-behaved client would send it. */
export function validValue(schema: Schema, name: string, ids: KnownIds, random: Random): unknown {
  if (schema.enum && schema.enum.length > 0) return random.pick(schema.enum);
  switch (schema.type) {
    case 'array': {
      const count = random.int(Math.max(1, schema.minItems ?? 0), Math.min(3, schema.maxItems ?? 3));
      return Array.from({ length: count }, () => validValue(schema.items ?? {}, name, ids, random));
    }
    case 'object':
      return validObject(schema, ids, random);
    case 'number':
    case 'integer':
      return typeof schema.example === 'number' ? schema.example : random.int(0, 100);
    case 'boolean':
      return random.chance(0.5);
    default:
      break;
  }
  if (schema.format === 'uuid') return idFor(name, ids, random);
  if (schema.format === 'date') return '2017-02-15';
  if (schema.format === 'date-time') return '2017-01-16T18:00:00Z';
  if (schema.format === 'email') return 'officer@luton.gov.uk';
  if (typeof schema.example === 'string') return schema.example;
  return `Resilience note ${random.int(1, 9_999)}`;
}

export function validObject(schema: Schema, ids: KnownIds, random: Random): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    // A client-chosen id is left out mostly, so creates do not all collide with each other.
    const wanted = (schema.required ?? []).includes(name) || (name !== 'id' && random.chance(0.5));
    if (wanted) body[name] = validValue(property, name, ids, random);
  }
  return body;
}

/** A hostile value that fits the field's declared kind best (a date field gets impossible dates, and so on). */
function hostileFor(schema: Schema, random: Random): unknown {
  if (random.chance(0.3)) return anyHostile(random);
  if (schema.format === 'uuid') return random.pick(hostileUuids(random));
  if (schema.format === 'date' || schema.format === 'date-time' || /^\d{4}-\d\d-\d\d/.test(String(schema.example ?? '')))
    return random.pick(HOSTILE_DATES);
  if (schema.type === 'number' || schema.type === 'integer') return random.pick(HOSTILE_NUMBERS);
  if (schema.type === 'array') return random.pick([[], Array.from({ length: 600 }, () => ({})), ...WRONG_TYPES]);
  return random.pick(HOSTILE_TEXT);
}

export type BodyMutation =
  'valid' | 'hostile-field' | 'missing-required' | 'unknown-field' | 'prototype-key' | 'deep-nesting' | 'huge' | 'wrong-type';
export const BODY_MUTATIONS: readonly BodyMutation[] = [
  'valid',
  'hostile-field',
  'hostile-field',
  'hostile-field',
  'missing-required',
  'unknown-field',
  'prototype-key',
  'deep-nesting',
  'huge',
  'wrong-type',
];

/** JSON text of a body for the schema, changed by one mutation. */
export function bodyText(schema: Schema, mutation: BodyMutation, ids: KnownIds, random: Random): string {
  const body = validObject(schema, ids, random);
  const names = Object.keys(schema.properties ?? {});
  const field = names.length > 0 ? random.pick(names) : 'note';
  const fieldSchema = schema.properties?.[field] ?? {};
  let raw: string | undefined;
  switch (mutation) {
    case 'valid':
      break;
    case 'hostile-field':
      body[field] = hostileFor(fieldSchema, random);
      if (fieldSchema.type === 'array' && fieldSchema.items?.properties && random.chance(0.5)) {
        const item = validObject(fieldSchema.items, ids, random);
        const itemField = random.pick(Object.keys(fieldSchema.items.properties));
        item[itemField] = hostileFor(fieldSchema.items.properties[itemField] ?? {}, random);
        body[field] = [item];
      }
      break;
    case 'missing-required':
      delete body[random.pick(schema.required && schema.required.length > 0 ? schema.required : [field])];
      break;
    case 'unknown-field':
      body[random.pick(['isAdmin', 'version', 'status', 'createdBy', 'roles', 'position', ' title', 'TITLE'])] = anyHostile(random);
      break;
    case 'prototype-key':
      body[field] = RAW;
      raw = random.pick([
        '{"__proto__":{"isAdmin":true}}',
        '{"constructor":{"prototype":{"polluted":1}}}',
        '[{"__proto__":{"x":1}}]',
        '{"prototype":{}}',
      ]);
      if (random.chance(0.5)) return `{"__proto__":{"roles":["admin"]},${JSON.stringify(body).slice(1).replace(`"${RAW}"`, '1')}`;
      break;
    case 'deep-nesting': {
      body[field] = RAW;
      const depth = random.pick(NESTING_DEPTHS);
      raw = random.chance(0.5) ? nestedArray(depth) : nestedObject(Math.min(depth, 40_000));
      break;
    }
    case 'huge':
      body[field] = 'x'.repeat(random.pick([200 * 1024, 255 * 1024, 262_000, 300 * 1024]));
      break;
    case 'wrong-type':
      return random.pick(['[]', '[{}]', '"text"', '42', 'null', 'true', JSON.stringify([body])]);
  }
  const text = JSON.stringify(body);
  return raw === undefined ? text : text.replace(`"${RAW}"`, raw);
}

/** Bodies that are not what JSON.stringify would make: duplicate keys, bad bytes, JSON5-isms, truncation. */
export function malformedBody(schema: Schema, ids: KnownIds, random: Random): string | Buffer {
  const text = JSON.stringify(validObject(schema, ids, random));
  const inner = text.slice(1, -1);
  const first = Object.keys(schema.properties ?? {})[0] ?? 'note';
  return random.pick<string | Buffer>([
    `{"${first}":"first",${inner || `"${first}":"second"`},"${first}":${JSON.stringify(random.pick(HOSTILE_TEXT))}}`,
    `{${inner},${inner}}`,
    `${text.slice(0, -1)},}`,
    `{/* comment */${inner}}`,
    `{'${first}': 'single quotes'}`,
    `{"${first}": NaN}`,
    text.slice(0, Math.max(1, Math.floor(text.length / 2))),
    `\ufeff${text}`,
    Buffer.concat([Buffer.from(`{"${first}":"`), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('"}')]),
    Buffer.from(text, 'utf16le'),
    '',
    ' ',
    `${text}${text}`,
    `{"${first}":"\\ud800\\udc00\\udc00"}`,
    `{"${first}":"\\u0000"}`,
    `{"${first}":1e999999}`,
    `{"${first}":-}`,
  ]);
}
