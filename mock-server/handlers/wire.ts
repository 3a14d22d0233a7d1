// A model turned into its wire form by the naming rules, without the schema: keys to snake_case (not
// inside `metadata`, whose keys are the user's), masked values revealed, dates as ISO text. The service
// builds its models from valid records, so encoding each answer with zod only checked again what the tests
// check (test/contract/openapi.test.ts validates every answer against the document), and was the largest
// cost of a list. test/mock-server/wire.test.ts holds this equal to the contract's codecs for every answer
// of a script over every route.
import { snakeCase } from '../../src/contract/index.js';

// The wire name of each model name met so far (a few dozen, read over and over).
const wireNames = new Map<string, string>();

function wireName(name: string): string {
  let wire = wireNames.get(name);
  if (wire === undefined) {
    wire = snakeCase(name);
    if (wireNames.size < 1000) wireNames.set(name, wire);
  }
  return wire;
}

// The ISO text of the instants met lately, by epoch milliseconds: a record's dates are answered over and
// over (every page of a list shows them again), and `toISOString` was most of what a list's JSON cost.
// Kept by time rather than by `Date`, which a `WeakMap` would make the garbage collector's work.
const isoTexts = new Map<number, string>();
const ISO_TEXTS_KEPT = 10_000;

function isoOf(date: Date): string {
  const time = date.getTime();
  let text = isoTexts.get(time);
  if (text === undefined) {
    text = date.toISOString();
    if (isoTexts.size >= ISO_TEXTS_KEPT) isoTexts.clear();
    isoTexts.set(time, text);
  }
  return text;
}

/** Returns the wire form of a model, as `z.encode` with its contract schema gives it. */
export function wireOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return isoOf(value);
  // A masked value (phone number, preview, secret), as the contract's codecs reveal it.
  if (typeof (value as { reveal?: unknown }).reveal === 'function') {
    return String((value as { reveal: () => unknown }).reveal());
  }
  if (Array.isArray(value)) return value.map(wireOf);
  const wire: Record<string, unknown> = {};
  for (const name in value) {
    const field = (value as Record<string, unknown>)[name];
    if (field !== undefined)
      wire[wireName(name)] = name === 'metadata' && isRecord(field) ? { ...field } : wireOf(field);
  }
  return wire;
}

// A plain record of the user's (metadata), whose keys stay as they are.
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
