// The scalar builders of the subset (strings and their formats, numbers, booleans, dates, literals,
// enums), each with the parse and checks of its zod/v4/core counterpart: the same issues, with the same
// details, for every value.
import { patternCheck } from './checks.js';
import { datetime, email as emailPattern } from './patterns.js';
import { make, messageOf, type Params, raise, type Schema, typeCheck } from './schema.js';

/** `z.string()`. */
export const string = (params?: Params) =>
  make(
    typeCheck('string', (value) => typeof value === 'string'),
    params,
  );

/** `z.boolean()`. */
export const boolean = (params?: Params) =>
  make(
    typeCheck('boolean', (value) => typeof value === 'boolean'),
    params,
  );

/** `z.unknown()`. */
export const unknown = () => make((payload) => payload);

/** `z.number()`: a finite number. */
export const number = (params?: Params) =>
  make(function (payload) {
    const input = payload.value;
    if (typeof input === 'number' && Number.isFinite(input)) return payload;
    const received = typeof input === 'number' ? (Number.isNaN(input) ? 'NaN' : String(input)) : undefined;
    return raise(payload, this, {
      expected: 'number',
      code: 'invalid_type',
      input,
      ...(received ? { received } : {}),
    });
  }, params);

/** `z.int()`: a number, then zod's `safeint` format check. */
export function int(params?: Params): Schema {
  const schema = number(params);
  const error = schema.error;
  const note = 'Integers must be within the safe integer range.';
  return schema.check({
    kind: 'number_format',
    error,
    run(payload) {
      const input = payload.value as number;
      if (!Number.isInteger(input)) {
        payload.issues.push({
          expected: 'int',
          format: 'safeint',
          code: 'invalid_type',
          input,
          continue: false,
          error,
        });
      } else if (!Number.isSafeInteger(input)) {
        const issue = { input, note, origin: 'int', inclusive: true, continue: true, error };
        payload.issues.push(
          input > 0
            ? { ...issue, code: 'too_big', maximum: Number.MAX_SAFE_INTEGER }
            : { ...issue, code: 'too_small', minimum: Number.MIN_SAFE_INTEGER },
        );
      }
    },
  });
}

/** `z.date()`: a valid `Date`. */
export const date = (params?: Params) =>
  make(function (payload) {
    const input = payload.value;
    if (input instanceof Date && !Number.isNaN(input.getTime())) return payload;
    return raise(payload, this, {
      expected: 'date',
      code: 'invalid_type',
      input,
      ...(input instanceof Date ? { received: 'Invalid Date' } : {}),
    });
  }, params);

function formatted(format: string, pattern: RegExp, params?: Params): Schema {
  const schema = string(params);
  return schema.check(patternCheck(format, pattern, schema.error));
}

/** `z.email()`. */
export const email = (params?: Params) => formatted('email', emailPattern, params);

/** `z.iso.datetime(options)`. */
export function isoDatetime(options: { offset?: boolean; local?: boolean; precision?: number } = {}) {
  const pattern = datetime({ offset: false, local: false, precision: null, ...options } as never);
  return formatted('datetime', pattern, messageOf(options));
}

/** `z.literal(value)`. */
export function literal(value: unknown, params?: Params): Schema {
  const values = Array.isArray(value) ? value : [value];
  return oneOf(values, values, params);
}

/** `z.enum(values)`; its `options` lists them (the contract reads them). */
export function enumOf(values: readonly unknown[], params?: Params): Schema {
  return oneOf([...values], values, params, {
    options: values,
    enum: Object.fromEntries(values.map((v) => [v, v])),
  });
}

function oneOf(values: unknown[], accepted: readonly unknown[], params?: Params, details = {}): Schema {
  const set = new Set(accepted);
  return make(
    function (payload) {
      return set.has(payload.value)
        ? payload
        : raise(payload, this, { code: 'invalid_value', values, input: payload.value });
    },
    params,
    { values: set, ...details },
  );
}
