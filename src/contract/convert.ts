// The naming rules of the wire, without a schema: snake_case on the wire, camelCase in the models, and
// the fields whose names say what they hold (previews, phone numbers, secrets, timestamps). `modelOf`
// applies them to a whole wire object; a test holds it equal to the contract's codecs for every response
// and event the reference server gives, so code that cannot carry the schemas (`aulm/webhooks`) reads the
// same models.
import { PhoneNumber, Redacted, Secret } from './masked.js';

/** Returns the snake_case wire name of a camelCase field name. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Returns the camelCase model name of a snake_case wire name. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

const PHONE_FIELDS = new Set(['to', 'recipient', 'phone_number']);
const TIME_FIELD = /^(at|timestamp)$|_(at|since)$/;

type Read = (text: string) => unknown;

function readTime(text: string): unknown {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date;
}

// What a wire name says of its text: a masked value, a time, or nothing.
function readerOf(name: string): Read | undefined {
  if (name === 'preview') return (text) => new Redacted(text);
  if (name === 'secret') return (text) => new Secret(text);
  if (PHONE_FIELDS.has(name)) return (text) => new PhoneNumber(text);
  return TIME_FIELD.test(name) ? readTime : undefined;
}

// The rule of each wire name met so far (a few dozen, read over and over): its model name, its reader.
const rules = new Map<string, [string, Read | undefined]>();

function ruleOf(name: string): [string, Read | undefined] {
  let rule = rules.get(name);
  if (rule === undefined) {
    rule = [name.includes('_') ? camelCase(name) : name, readerOf(name)];
    if (rules.size < 1000) rules.set(name, rule);
  }
  return rule;
}

function convert(value: unknown, read: Read | undefined): unknown {
  if (typeof value === 'string') return read ? read(value) : value;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => convert(item, undefined));
  const model: Record<string, unknown> = {};
  // No model name is `__proto__` (camelCase turns its `_p` into `P`), so no key can reach the prototype.
  for (const name in value) {
    const field = (value as Record<string, unknown>)[name];
    const [modelName, reader] = ruleOf(name);
    model[modelName] = name === 'metadata' ? field : convert(field, reader);
  }
  return model;
}

/**
 * Converts a wire object into its model by the naming rules alone: keys to camelCase (not inside
 * `metadata`, whose keys are the user's), `preview` to `Redacted`, `to`, `recipient` and `phone_number`
 * to `PhoneNumber`, `secret` to `Secret`, `at`, `timestamp`, `*_at` and `*_since` to `Date`. It checks nothing.
 */
export function modelOf(value: unknown): unknown {
  return convert(value, undefined);
}
