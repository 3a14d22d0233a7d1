// The schema builders of the subset, each with the parse of its zod/v4/core counterpart ($ZodString,
// $ZodObject, $ZodDiscriminatedUnion, $ZodCodec, ...): the same issues, in the same order, with the same
// details, for every value. Only what src/contract builds is here.
import { datetime, email as emailPattern } from './patterns.js';
import {
  aborted,
  type Check,
  type Context,
  isObject,
  messageOf,
  type Payload,
  prefixed,
  raise,
  Schema,
} from './schema.js';

type Params = string | { error?: string; message?: string; path?: PropertyKey[]; params?: unknown };
type Shape = Record<string, Schema>;

const typeCheck = (expected: string, accepts: (value: unknown) => boolean) =>
  function (this: Schema, payload: Payload): Payload {
    return accepts(payload.value)
      ? payload
      : raise(payload, this, { expected, code: 'invalid_type', input: payload.value });
  };

const make = (parse: Schema['parse'], params?: Params, details?: Record<string, unknown>) =>
  new Schema(parse, { error: messageOf(params), ...details });

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
  const format: Check = {
    kind: 'number_format',
    error: schema.error,
    run(payload) {
      const input = payload.value as number;
      const issue = { input, inclusive: true, origin: 'int', continue: true, error: this.error };
      if (!Number.isInteger(input)) {
        const [code, expected, format] = ['invalid_type', 'int', 'safeint'];
        payload.issues.push({ expected, format, code, continue: false, input, error: this.error });
      } else if (!Number.isSafeInteger(input)) {
        const note = 'Integers must be within the safe integer range.';
        payload.issues.push(
          input > 0
            ? { ...issue, code: 'too_big', maximum: Number.MAX_SAFE_INTEGER, note }
            : { ...issue, code: 'too_small', minimum: Number.MIN_SAFE_INTEGER, note },
        );
      }
    },
  };
  return schema.check(format);
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
  return schema.check({
    kind: 'string_format',
    error: schema.error,
    run(payload) {
      pattern.lastIndex = 0;
      if (pattern.test(payload.value as string)) return;
      const input = payload.value;
      const issue = { origin: 'string', code: 'invalid_format', format, input, pattern: `${pattern}` };
      payload.issues.push({ ...issue, continue: true, error: this.error });
    },
  });
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

/** `z.enum(values)`; its `options` lists them. */
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

/** `z.optional(inner)`: absence (`undefined`) allowed. */
export const optional = (inner: Schema) =>
  make(
    (payload, context) => (payload.value === undefined ? payload : inner.run(payload, context)),
    undefined,
    {
      optin: 'optional',
      optout: 'optional',
      values: inner.values && new Set([...inner.values, undefined]),
    },
  );

/** `z.nullable(inner)`: `null` allowed. */
export const nullable = (inner: Schema) =>
  make((payload, context) => (payload.value === null ? payload : inner.run(payload, context)), undefined, {
    optin: inner.optin,
    optout: inner.optout,
    values: inner.values && new Set([...inner.values, null]),
  });

// An oversized container fails its leading size checks before any element is parsed (zod's `capSize`).
function oversized(schema: Schema, payload: Payload, context: Context, size: number): boolean {
  if (context.skipChecks || context.direction === 'backward') return false;
  for (const check of schema.checks) {
    if (!/_(length|size)$|_equals$/.test(check.kind)) break;
    if (check.maximum !== undefined && size > check.maximum && check.when!(payload)) {
      const start = payload.issues.length;
      check.run(payload);
      payload.issues[start]!.continue = false;
      payload.issues[start]!.error ??= schema.error;
      return true;
    }
  }
  return false;
}

/** `z.array(element)`. */
export const array = (element: Schema, params?: Params) =>
  make(
    function (payload, context) {
      const input = payload.value;
      if (!Array.isArray(input))
        return raise(payload, this, { expected: 'array', code: 'invalid_type', input });
      if (oversized(this, payload, context, input.length)) return payload;
      const output = new Array(input.length);
      payload.value = output;
      for (let index = 0; index < input.length; index++) {
        const result = element.run({ value: input[index], issues: [] }, context);
        if (result.issues.length) payload.issues.push(...prefixed(index, result.issues));
        output[index] = result.value;
      }
      return payload;
    },
    params,
    { element },
  );

// One property's result into the object (zod's `handlePropertyResult`).
function putProperty(result: Payload, payload: Payload, key: string, input: object, field: Schema): void {
  const present = key in input;
  const { optin, optout } = field;
  if (result.issues.length) {
    if (optin !== undefined && optout === 'optional' && !present) return;
    payload.issues.push(...prefixed(key, result.issues));
  }
  const output = payload.value as Record<string, unknown>;
  if (!present && optin === undefined) {
    if (!result.issues.length) {
      payload.issues.push({ code: 'invalid_type', expected: 'nonoptional', input: undefined, path: [key] });
    }
    return;
  }
  if (result.value !== undefined) output[key] = result.value;
  else if (present) output[key] = undefined;
}

function objectOf(shape: Shape, strict: boolean, params?: Params): Schema {
  const keys = Object.keys(shape);
  const propValues: Record<string, Set<unknown>> = {};
  for (const key of keys) {
    const { values, optin } = shape[key]!;
    if (values) propValues[key] = new Set(optin === undefined ? values : [...values, undefined]);
  }
  return make(
    function (payload, context) {
      const input = payload.value;
      if (!isObject(input)) return raise(payload, this, { expected: 'object', code: 'invalid_type', input });
      payload.value = {};
      for (const key of keys) {
        if (key === '__proto__') continue;
        const field = shape[key]!;
        putProperty(field.run({ value: input[key], issues: [] }, context), payload, key, input, field);
      }
      if (!strict) return payload;
      const unrecognized: string[] = [];
      for (const key in input) if (!Object.hasOwn(shape, key)) unrecognized.push(key);
      if (unrecognized.length) {
        payload.issues.push({
          code: 'unrecognized_keys',
          keys: unrecognized,
          input,
          continue: true,
          error: this.error,
        });
      }
      return payload;
    },
    params,
    { shape, propValues },
  );
}

/** `z.object(shape)`: unknown keys are dropped. */
export const object = (shape: Shape, params?: Params) => objectOf(shape, false, params);

/** `z.strictObject(shape)`: unknown keys are refused. */
export const strictObject = (shape: Shape, params?: Params) => objectOf(shape, true, params);

/** `z.record(keys, values)`, for a key schema that is not a list of values. */
export const record = (keyType: Schema, valueType: Schema, params?: Params) =>
  make(function (payload, context) {
    const input = payload.value;
    if (!isPlainObject(input))
      return raise(payload, this, { expected: 'record', code: 'invalid_type', input });
    const output: Record<PropertyKey, unknown> = {};
    payload.value = output;
    for (const key of Reflect.ownKeys(input)) {
      if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(input, key)) continue;
      const checked = keyType.run({ value: key, issues: [] }, context);
      if (checked.issues.length) {
        const issues = checked.issues.map((issue) => finalIssue(issue, context));
        payload.issues.push({
          code: 'invalid_key',
          origin: 'record',
          issues,
          input: key,
          path: [key],
          error: this.error,
        });
        continue;
      }
      if (checked.value === '__proto__') continue;
      const result = valueType.run({ value: input[key], issues: [] }, context);
      if (result.issues.length) payload.issues.push(...prefixed(key, result.issues));
      output[checked.value as PropertyKey] = result.value;
    }
    return payload;
  }, params);

function isPlainObject(value: unknown): value is Record<PropertyKey, unknown> {
  if (!isObject(value)) return false;
  const maker = (value as { constructor?: unknown }).constructor;
  if (maker === undefined || typeof maker !== 'function') return true;
  const prototype = (maker as { prototype?: unknown }).prototype;
  return isObject(prototype) && Object.hasOwn(prototype, 'isPrototypeOf');
}

/** `z.discriminatedUnion(key, options)`: the option whose `key` matches, or a union of all when encoding. */
export function discriminatedUnion(discriminator: string, options: Schema[], params?: Params): Schema {
  const byValue = new Map<unknown, Schema | null>();
  for (const option of options) {
    for (const value of (option.propValues as Record<string, Set<unknown>>)[discriminator] ?? []) {
      byValue.set(value, byValue.has(value) ? null : option);
    }
  }
  return make(
    function (payload, context) {
      const input = payload.value;
      if (!isObject(input)) return raise(payload, this, { code: 'invalid_type', expected: 'object', input });
      const value = input[discriminator];
      const option = byValue.get(value);
      if (option && (value !== undefined || context.direction !== 'backward'))
        return option.run(payload, context);
      if (context.direction === 'backward') return anyOf(this, options, payload, context);
      return raise(payload, this, {
        code: 'invalid_union',
        errors: [],
        note: 'No matching discriminator',
        discriminator,
        options: [...byValue.keys()].filter((key) => byValue.get(key) !== null),
        input,
        path: [discriminator],
      });
    },
    params,
    { options, propValues: { [discriminator]: new Set(byValue.keys()) } },
  );
}

// The first option that takes the value whole, else the one that did not stop, else every option's issues
// (zod's `$ZodUnion`, which a discriminated union falls back to when encoding).
function anyOf(union: Schema, options: Schema[], payload: Payload, context: Context): Payload {
  const results: Payload[] = [];
  for (const option of options) {
    const result = option.run({ value: payload.value, issues: [] }, context);
    if (result.issues.length === 0) return result;
    results.push(result);
  }
  const unstopped = results.filter((result) => !aborted(result));
  if (unstopped.length === 1) {
    payload.value = unstopped[0]!.value;
    return unstopped[0]!;
  }
  const errors = results.map((result) => result.issues.map((issue) => finalIssue(issue, context)));
  return raise(payload, union, { code: 'invalid_union', input: payload.value, errors });
}

let finalIssue: (issue: Payload['issues'][number], context: Context) => Record<string, unknown>;

/** Lets the parse module lend its finaliser for nested issues (unions, record keys) without a cycle. */
export function useFinaliser(finaliser: typeof finalIssue): void {
  finalIssue = finaliser;
}

/** A refinement: the value passes when `check` says so (`z.refine`; `z.custom` stops what follows). */
export function refinement(check: (value: unknown) => unknown, params?: Params, abort = false): Check {
  const given = typeof params === 'object' ? params : undefined;
  const error = messageOf(params);
  return {
    kind: 'custom',
    error,
    run(payload) {
      if (check(payload.value)) return;
      payload.issues.push({
        code: 'custom',
        input: payload.value,
        path: [...(given?.path ?? [])],
        continue: !abort,
        ...(given?.params ? { params: given.params } : {}),
        error,
      });
    },
  };
}

/** `z.custom(check?, params)`: any value `check` accepts (any value at all without one). */
export function custom(check: (value: unknown) => unknown = () => true, params?: Params): Schema {
  const schema = make((payload) => payload, params);
  schema.checks = [refinement(check, params, true)];
  return schema;
}

/** `z.pipe(in, out)`: the value through one, then the other (backwards when encoding). */
export const pipe = (first: Schema, second: Schema) =>
  make(
    (payload, context) => {
      const [from, to] = context.direction === 'backward' ? [second, first] : [first, second];
      const left = from.run(payload, context);
      if (left.issues.some((issue) => issue.code !== 'unrecognized_keys')) {
        left.aborted = true;
        return left;
      }
      return to.run({ value: left.value, issues: left.issues }, context);
    },
    undefined,
    { optin: first.optin, optout: second.optout, values: first.values, propValues: first.propValues },
  );

/** `z.codec(wire, model, { decode, encode })`. */
export function codec(
  wire: Schema,
  model: Schema,
  transforms: {
    decode: (value: never, payload: Payload) => unknown;
    encode: (value: never, payload: Payload) => unknown;
  },
): Schema {
  return make(
    (payload, context) => {
      const backward = context.direction === 'backward';
      const result = (backward ? model : wire).run(payload, context);
      if (result.issues.length) {
        result.aborted = true;
        return result;
      }
      const value = (backward ? transforms.encode : transforms.decode)(result.value as never, result);
      if (result.issues.length) {
        result.aborted = true;
        return result;
      }
      return (backward ? wire : model).run({ value, issues: result.issues }, context);
    },
    undefined,
    { optin: wire.optin, optout: model.optout, values: wire.values, propValues: wire.propValues },
  );
}
