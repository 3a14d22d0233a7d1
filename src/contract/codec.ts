// The one mechanism that turns a camelCase model shape into a snake_case wire schema and back.
// Every wire object in the contract is declared once, in camelCase, through `wireModel`, against the named
// interface users read; `schemaOf` ties an enum, a union or a record to its named type the same way.
import * as z from 'zod/mini';
import { snakeCase } from './convert.js';

export { camelCase, snakeCase } from './convert.js';

/** Turns a camelCase name into the snake_case name it has on the wire. */
export type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;

type WireShape<S extends z.core.$ZodLooseShape> = { [K in keyof S & string as SnakeCase<K>]: S[K] };

/** The model a shape decodes to: the camelCase object with every field decoded. */
export type ModelOf<S extends z.core.$ZodLooseShape> = z.output<z.ZodMiniObject<S>>;

/**
 * Whether `A` and `B` are the same type. Stricter than assignability both ways, which lets a field that is
 * optional on one side only pass: here optionality, `null` and `readonly` count too.
 */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** The fields on which two object types differ: absent from one of them, or of another type or optionality. */
export type FieldsThatDiffer<A, B> = {
  [K in keyof A | keyof B]-?: K extends keyof A
    ? K extends keyof B
      ? Equal<Pick<A, K>, Pick<B, K>> extends true
        ? never
        : K
      : K
    : K;
}[keyof A | keyof B];

// What a shape must also be: nothing when it decodes to exactly `M`, else an object with a field that no
// shape has, so that the compiler refuses the shape and its message names the fields that differ.
type MatchesModel<M, S extends z.core.$ZodLooseShape> =
  Equal<ModelOf<S>, M> extends true
    ? unknown
    : { 'these fields differ from the model type': FieldsThatDiffer<ModelOf<S>, M> };

/** A `wireModel` codec: the snake_case wire object of shape `S` on one side, the model `M` itself on the other. */
export type WireModel<M, S extends z.core.$ZodLooseShape> = z.ZodMiniCodec<
  z.ZodMiniObject<WireShape<S>>,
  z.ZodMiniCustom<M, M>
>;

function renameKeys(value: unknown, rename: (key: string) => string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) out[rename(key)] = field;
  return out;
}

/**
 * Declares a wire object once, in camelCase, against its model type `M` (the named interface that users
 * read): `wireModel<M>()(shape)`. The shape must decode to exactly `M`, or the compiler refuses it, naming
 * the fields that differ (one added, missing, renamed, optional or nullable on one side only, or of another
 * type); and the codec decodes to `M` itself, so that hovers and declarations say `M`, not its fields.
 *
 * `z.decode` turns the snake_case wire form into the model; `z.encode` turns the model into the wire form
 * and checks it. Only the top-level keys are renamed: nested objects are wire models of their own, and
 * record keys (such as `metadata`) are the user's. `strict` rejects unknown keys (request bodies);
 * otherwise they are dropped (responses stay forward compatible with fields a newer service adds).
 *
 * @example
 * ```ts
 * export interface Device {
 *   platform: string;
 *   browser: string;
 * }
 * export const Device = wireModel<Device>()({ platform: z.string(), browser: z.string() });
 * ```
 */
export function wireModel<M extends object>() {
  return <const S extends z.core.$ZodLooseShape>(
    shape: S & MatchesModel<M, S>,
    options: { strict?: boolean } = {},
  ): WireModel<M, S> => {
    const wireShape: Record<string, z.core.SomeType> = {};
    // The model name of each wire name, looked up for every field of every object decoded (a page of logs
    // has a thousand): a plain object read in one loop, where a `Map` and an array of entries took a fifth
    // more of a page's decoding.
    const modelNames: Record<string, string> = Object.create(null);
    for (const [key, schema] of Object.entries(shape)) {
      wireShape[snakeCase(key)] = schema;
      modelNames[snakeCase(key)] = key;
    }
    const wire = (options.strict
      ? z.strictObject(wireShape)
      : z.object(wireShape)) as unknown as z.ZodMiniObject<WireShape<S>>;
    return z.codec(wire, z.custom<M>(), {
      // What zod hands over is the wire object it made, the shape's keys its own; a key of no field (one
      // that an altered `Object.prototype` would show) is left out.
      decode: (value) => {
        const model: Record<string, unknown> = {};
        for (const key in value) {
          const name = modelNames[key];
          if (name !== undefined) model[name] = value[key as keyof typeof value];
        }
        return model as M;
      },
      encode: (value) => renameKeys(value, snakeCase) as z.output<typeof wire>,
    });
  };
}

// What a schema must also be: nothing when it decodes to exactly `T`, else an object with a field that no
// schema has, so that the compiler refuses it.
type DecodesTo<T, S extends z.core.SomeType> =
  Equal<z.output<S>, T> extends true ? unknown : { 'decodes to another type than the named one': T };

/**
 * Returns `schema` itself, once the compiler has checked that it decodes to exactly `T`: how an enum, a
 * union or a record of the contract is tied to the named type users read (`wireModel` does it for objects).
 *
 * @example
 * ```ts
 * export type Region = 'eu' | 'us' | 'ap';
 * export const Region = schemaOf<Region>()(z.enum(['eu', 'us', 'ap']));
 * ```
 */
export function schemaOf<T>() {
  return <S extends z.core.SomeType>(schema: S & DecodesTo<T, S>): S => schema;
}

// Two decimal digits at `at`, read as a number.
const two = (text: string, at: number): number => text.charCodeAt(at) * 10 + text.charCodeAt(at + 1) - 528;

// The days from 1970-01-01 to a day of the proleptic Gregorian calendar, as `Date` counts them
// (Howard Hinnant's `days_from_civil`).
function daysOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

// `new Date(text)` reads any form by a general parser, at a few hundred nanoseconds: twice per log of a
// list. The API's own form (`2026-05-30T12:00:00.000Z`, already checked by the schema) is read here by
// its digits, to the same instant; any other form goes to `new Date`.
function instantOf(text: string): Date {
  if (text.length !== 24 || text.charCodeAt(19) !== 46 || text.charCodeAt(23) !== 90) return new Date(text);
  const days = daysOf(two(text, 0) * 100 + two(text, 2), two(text, 5), two(text, 8));
  const seconds = ((days * 24 + two(text, 11)) * 60 + two(text, 14)) * 60 + two(text, 17);
  return new Date(seconds * 1000 + two(text, 20) * 10 + text.charCodeAt(22) - 48);
}

/** A UTC instant: an ISO 8601 string on the wire, a `Date` in the model. */
export const timestamp = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (text) => instantOf(text),
  encode: (date) => date.toISOString(),
});

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A time bound in a filter: the caller may give a `Date`, an ISO timestamp or a calendar date
 * (`2026-11-01`, read as midnight UTC); the wire always carries a full ISO timestamp.
 */
export const timeBound = z.codec(z.iso.datetime({ offset: true }), z.custom<Date | string>(), {
  decode: (text) => new Date(text),
  encode: (value) => {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (typeof value === 'string' && dateOnly.test(value)) return `${value}T00:00:00.000Z`;
    return value as string;
  },
});
