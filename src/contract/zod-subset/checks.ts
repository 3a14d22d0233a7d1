// The checks of the subset, as `.check()` takes them, each raising what its zod/v4/core counterpart
// ($ZodCheckMinLength, $ZodCheckGreaterThan, $ZodCheckRegex, ...) raises.
import { type Check, messageOf, type Params, type Payload } from './schema.js';

export { refinement as refine } from './transforms.js';

// A string's length in code points, as zod counts it (a surrogate pair is one character).
function lengthOf(value: { length: number }): number {
  return typeof value === 'string' ? [...value].length : value.length;
}

const hasLength = (payload: Payload): boolean => {
  const value = payload.value as { length?: unknown } | null | undefined;
  return value !== null && value !== undefined && value.length !== undefined;
};

const originOf = (value: unknown): string =>
  Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'unknown';

function lengthCheck(kind: 'min_length' | 'max_length', limit: number, params?: Params): Check {
  const error = messageOf(params);
  const least = kind === 'min_length';
  return {
    kind,
    error,
    when: hasLength,
    ...(least ? {} : { maximum: limit }),
    run(payload) {
      const input = payload.value as { length: number };
      const length = lengthOf(input);
      if (least ? length >= limit : length <= limit) return;
      const bound = least ? { code: 'too_small', minimum: limit } : { code: 'too_big', maximum: limit };
      payload.issues.push({
        origin: originOf(input),
        ...bound,
        inclusive: true,
        input,
        continue: true,
        error,
      });
    },
  };
}

/** `z.minLength(n)`: at least `n` characters (code points) or entries. */
export const minLength = (minimum: number, params?: Params) => lengthCheck('min_length', minimum, params);

/** `z.maxLength(n)`: at most `n` characters (code points) or entries. */
export const maxLength = (maximum: number, params?: Params) => lengthCheck('max_length', maximum, params);

const origins: Record<string, string> = { number: 'number', bigint: 'bigint', object: 'date' };

function bound(kind: 'greater_than' | 'less_than', limit: number, params?: Params): Check {
  const error = messageOf(params);
  const least = kind === 'greater_than';
  return {
    kind,
    error,
    run(payload) {
      const input = payload.value as number;
      if (least ? input >= limit : input <= limit) return;
      const origin = origins[typeof input] ?? 'number';
      const edge = least ? { code: 'too_small', minimum: limit } : { code: 'too_big', maximum: limit };
      payload.issues.push({ origin, ...edge, input, inclusive: true, continue: true, error });
    },
  };
}

/** `z.minimum(n)`: `n` or more. */
export const minimum = (limit: number, params?: Params) => bound('greater_than', limit, params);

/** `z.maximum(n)`: `n` or less. */
export const maximum = (limit: number, params?: Params) => bound('less_than', limit, params);

/** `z.regex(pattern)`: a string the pattern matches. */
export const regex = (pattern: RegExp, params?: Params): Check =>
  patternCheck('regex', pattern, messageOf(params));

/** A string format checked by its pattern (`regex`, and zod's own formats such as `email`). */
export function patternCheck(format: string, pattern: RegExp, error: string | undefined): Check {
  return {
    kind: 'string_format',
    error,
    run(payload) {
      pattern.lastIndex = 0;
      if (pattern.test(payload.value as string)) return;
      const input = payload.value;
      const issue = { origin: 'string', code: 'invalid_format', format, input, pattern: `${pattern}` };
      payload.issues.push({ ...issue, continue: true, error });
    },
  };
}
