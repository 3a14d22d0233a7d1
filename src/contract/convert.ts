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

/**
 * Converts a wire object into its model by the naming rules alone: keys to camelCase (not inside
 * `metadata`, whose keys are the user's), `preview` to `Redacted`, `to`, `recipient` and `phone_number`
 * to `PhoneNumber`, `secret` to `Secret`, `at`, `timestamp`, `*_at` and `*_since` to `Date`. It checks nothing.
 */
export function modelOf(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => modelOf(item));
  if (typeof value === 'string') {
    if (key === 'preview') return new Redacted(value);
    if (key === 'secret') return new Secret(value);
    if (PHONE_FIELDS.has(key)) return new PhoneNumber(value);
    if (TIME_FIELD.test(key) && !Number.isNaN(Date.parse(value))) {
      return new Date(value);
    }
    return value;
  }
  if (typeof value !== 'object' || value === null || key === 'metadata') return value;
  const model: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) model[camelCase(name)] = modelOf(field, name);
  return model;
}
