// The builders of the subset that hold other schemas (optional, nullable, arrays, objects, records,
// discriminated unions), each with the parse of its zod/v4/core counterpart: the same issues, in the same
// order, with the same paths, and the same output.
import {
  aborted,
  type Context,
  finalized,
  isObject,
  make,
  type Params,
  type Payload,
  prefixed,
  raise,
  type Schema,
} from './schema.js';

type Shape = Record<string, Schema>;

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
        const issues = checked.issues.map((issue) => finalized(issue, context));
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
  const errors = results.map((result) => result.issues.map((issue) => finalized(issue, context)));
  return raise(payload, union, { code: 'invalid_union', input: payload.value, errors });
}
