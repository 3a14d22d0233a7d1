// A model turned into its wire form by the naming rules, without the schema: keys to snake_case (not
// inside `metadata`, whose keys are the user's), masked values revealed, dates as ISO text. The service
// builds its models from valid records, so encoding each answer with zod only checked again what the tests
// check (test/contract/openapi.test.ts validates every answer against the document), and was the largest
// cost of a list. test/mock-server/wire.test.ts holds this equal to the contract's codecs for every answer
// of a script over every route. A snapshot of the service never changes, so the JSON of its wire form is
// kept with it (the service hands out the same log of a message while the message is unchanged, and a new one
// once it changes), and a page of such models is put together from their JSON: most of a page of logs is
// the same from one request to the next, and serialising it was most of what a list cost.
import { snakeCase } from '../../src/contract/index.js';
import { isSnapshot } from '../service/index.js';

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

// The UTF-8 JSON of the wire form of each snapshot met, after a comma: a page copies each item in one
// piece, the first (and a model answered alone) without its comma. Weak: it goes when its model does,
// which the service lets go as soon as its record changes or is deleted.
const keptJson = new WeakMap<object, Uint8Array>();
const encoder = new TextEncoder();

/**
 * Returns the UTF-8 bytes of `JSON.stringify(wireOf(value))`, the caller's own, from the JSON kept of the
 * service's snapshots where it can: models it never changes (a changed record gets a new one).
 */
export function wireJson(value: unknown): Uint8Array {
  if (isPlainObject(value)) {
    if (isSnapshot(value)) return keptJsonOf(value).slice(1);
    // A page of a list: the envelope's own fields, and each item's JSON.
    if (Array.isArray(value.data)) return envelopeJson(value);
  }
  return encoder.encode(JSON.stringify(wireOf(value)));
}

function keptJsonOf(model: Record<string, unknown>): Uint8Array {
  let json = keptJson.get(model);
  if (json === undefined) {
    json = encoder.encode(`,${JSON.stringify(wireOf(model))}`);
    keptJson.set(model, json);
  }
  return json;
}

// The JSON of an object with a list in `data`, field by field in its own order, as `JSON.stringify` writes
// its wire form (a field without a JSON form is left out; an item without one is `null`), put together
// from the items' JSON without a text of the whole page ever being made.
function envelopeJson(envelope: Record<string, unknown>): Uint8Array {
  const parts: Array<string | Uint8Array> = [];
  let text = '';
  for (const name in envelope) {
    const field = envelope[name];
    if (field === undefined) continue;
    const key = `${text === '' && parts.length === 0 ? '{' : ','}${JSON.stringify(wireName(name))}:`;
    if (name === 'data') {
      parts.push(`${text}${key}[`);
      (field as unknown[]).forEach((item, index) => {
        const json = itemJson(item);
        parts.push(index === 0 ? json.subarray(1) : json);
      });
      text = ']';
      continue;
    }
    const fieldText = JSON.stringify(name === 'metadata' && isRecord(field) ? { ...field } : wireOf(field));
    if (fieldText !== undefined) text += `${key}${fieldText}`;
  }
  parts.push(text === '' && parts.length === 0 ? '{}' : `${text}}`);
  return joined(parts);
}

// An item's JSON after a comma.
function itemJson(item: unknown): Uint8Array {
  if (isSnapshot(item)) return keptJsonOf(item as Record<string, unknown>);
  return encoder.encode(`,${JSON.stringify(wireOf(item)) ?? 'null'}`);
}

// The pieces in one array: the JSON kept, copied, and the short texts between them written in place (an
// array of their own each would cost more than the copying), byte by byte when they are ASCII, as they
// mostly are (names, numbers, a cursor).
function joined(parts: ReadonlyArray<string | Uint8Array>): Uint8Array {
  let length = 0;
  for (const part of parts) length += typeof part === 'string' ? utf8Length(part) : part.length;
  const json = bytesFor(length);
  let offset = 0;
  for (const part of parts) {
    if (typeof part !== 'string') {
      json.set(part, offset);
      offset += part.length;
    } else if (utf8Length(part) === part.length) {
      for (let index = 0; index < part.length; index++) json[offset++] = part.charCodeAt(index);
    } else {
      offset += encoder.encodeInto(part, json.subarray(offset)).written;
    }
  }
  return json;
}

// Pages are cut from slabs, as Node cuts small Buffers from a pool: an array of its own for each page took
// half the time of putting the page together. A slab goes once no page cut from it is held any more; a
// large page has an array of its own.
const SLAB_BYTES = 64 * 1024;
let slab = new Uint8Array(0);
let slabUsed = 0;

function bytesFor(length: number): Uint8Array {
  if (length > SLAB_BYTES / 4) return new Uint8Array(length);
  if (slabUsed + length > slab.length) {
    slab = new Uint8Array(SLAB_BYTES);
    slabUsed = 0;
  }
  const bytes = slab.subarray(slabUsed, slabUsed + length);
  slabUsed += length;
  return bytes;
}

// The length of a text in UTF-8, as `TextEncoder` writes it (a lone surrogate as the 3 bytes of U+FFFD).
function utf8Length(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) length += 1;
    else if (unit < 0x800) length += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      length += 4;
      index++;
    } else length += 3;
  }
  return length;
}

// An object written as a literal (a model, a list's envelope), not a date, a masked value or an array.
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
