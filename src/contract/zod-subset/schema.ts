// The machinery every schema of the subset shares, as zod/v4/core runs it: a payload of a value and its
// issues, checks after the parse when decoding and before it when encoding (after a first parse without
// them, zod's "canary"), and which issue stops which check. Names and orders follow zod's so that a reader
// can hold the two side by side; test/contract/zod-subset.test.ts holds them to the same results.

/** One problem found, as zod raises it; finalised into what `error.issues` holds. */
export interface Issue {
  code: string;
  path?: PropertyKey[];
  input?: unknown;
  message?: string;
  /** Whether later checks still run (zod's `continue`). */
  continue?: boolean;
  /** The message of what raised it, or of the schema whose check did. */
  error?: string;
  [detail: string]: unknown;
}

/** A value on its way through a schema, with the issues found so far. */
export interface Payload {
  value: unknown;
  issues: Issue[];
  aborted?: boolean;
}

/** How a value is run: `backward` encodes (model to wire). */
export interface Context {
  direction?: 'backward';
  skipChecks?: boolean;
  reportInput?: boolean;
  /** The message of an issue that has none of its own (zod's `error` option of a parse). */
  error?: (issue: Issue) => unknown;
}

/** A check, as `.check()` takes it: it adds issues to the payload, or changes nothing. */
export interface Check {
  readonly kind: string;
  readonly error?: string;
  /** Runs even after an issue, unless one stopped the rest explicitly (zod's `when`). */
  readonly when?: (payload: Payload) => boolean;
  /** The largest size it allows, for a container's early refusal (zod's `sizeCaps`). */
  readonly maximum?: number;
  run(payload: Payload): void;
}

type Parse = (this: Schema, payload: Payload, context: Context) => Payload;

/** A schema: its parse, its checks, and what an object or a union reads of it. */
export class Schema {
  checks: readonly Check[] = [];
  /** `'optional'` when absence is allowed going in (zod's `optin`) and coming out (`optout`). */
  optin?: 'optional';
  optout?: 'optional';
  /** The values it accepts, when they are few (literals, enums): a discriminated union reads them. */
  values?: Set<unknown>;
  /** The error message given to it. */
  error?: string;
  /** What the schema is made of, by kind (`shape`, `options`, `element`, ...). */
  readonly [detail: string]: unknown;
  readonly parse: Parse;

  constructor(parse: Parse, details: Record<string, unknown> = {}) {
    this.parse = parse;
    Object.assign(this, details);
  }

  /** Runs the schema on a payload: its parse and its checks, in zod's order. */
  run(payload: Payload, context: Context): Payload {
    if (this.checks.length === 0 || context.skipChecks) return this.parse(payload, context);
    if (context.direction === 'backward') {
      const canary = this.parse({ value: payload.value, issues: [] }, { ...context, skipChecks: true });
      if (aborted(canary)) {
        canary.aborted = true;
        return canary;
      }
      return this.parse(runChecks(this, payload), context);
    }
    return runChecks(this, this.parse(payload, context));
  }

  /** A copy with more checks, as zod/mini's `.check()`. */
  check(...checks: Check[]): Schema {
    const copy: Schema = Object.assign(Object.create(Schema.prototype), this);
    copy.checks = [...this.checks, ...checks];
    return copy;
  }
}

function runChecks(schema: Schema, payload: Payload): Payload {
  let isAborted = aborted(payload);
  for (const check of schema.checks) {
    if (check.when) {
      if (explicitlyAborted(payload) || !check.when(payload)) continue;
    } else if (isAborted) continue;
    const before = payload.issues.length;
    check.run(payload);
    for (let index = before; index < payload.issues.length; index++) {
      const issue = payload.issues[index]!;
      issue.error ??= schema.error;
    }
    if (!isAborted) isAborted = aborted(payload, before);
  }
  return payload;
}

/** Whether an issue from `start` on stops what follows (any but those marked to continue). */
export function aborted(payload: Payload, start = 0): boolean {
  if (payload.aborted) return true;
  for (let index = start; index < payload.issues.length; index++) {
    if (payload.issues[index]!.continue !== true) return true;
  }
  return false;
}

function explicitlyAborted(payload: Payload): boolean {
  return payload.aborted === true || payload.issues.some((issue) => issue.continue === false);
}

/** Adds an issue raised by `schema` itself (not by one of its checks). */
export function raise(payload: Payload, schema: Schema, issue: Issue): Payload {
  payload.issues.push({ ...issue, error: schema.error });
  return payload;
}

/** Puts `key` in front of the path of each issue, as an object or array does for its members. */
export function prefixed(key: PropertyKey, issues: Issue[]): Issue[] {
  for (const issue of issues) {
    issue.path ??= [];
    issue.path.unshift(key);
  }
  return issues;
}

/** The issue as `error.issues` shows it: its message set, its input only when asked for. */
export function finalized(issue: Issue, context: Context): Record<string, unknown> {
  const { continue: _, error, input, message, ...rest } = issue;
  const full: Record<string, unknown> = { ...rest, path: issue.path ?? [] };
  const given = context.error?.(issue);
  full.message = message ?? error ?? (typeof given === 'string' ? given : undefined) ?? 'Invalid input';
  if (context.reportInput) full.input = input;
  return full;
}

/** zod's test of an object: anything but null and arrays. */
export const isObject = (value: unknown): value is Record<PropertyKey, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The message of a zod params argument: a string, or `{ error }` / `{ message }`. */
export function messageOf(params: unknown): string | undefined {
  if (typeof params === 'string') return params;
  const given = params as { error?: unknown; message?: unknown } | undefined;
  const error = given?.error ?? given?.message;
  return typeof error === 'string' ? error : undefined;
}

/** The params zod's builders take: a message, or `{ error }` with more. */
export type Params = string | { error?: string; message?: string; path?: PropertyKey[]; params?: unknown };

/** A schema with its parse, the message of its params, and what it is made of. */
export const make = (parse: Schema['parse'], params?: Params, details?: Record<string, unknown>) =>
  new Schema(parse, { error: messageOf(params), ...details });

/** The parse of a schema of one JavaScript type: the value, or `invalid_type` with what was expected. */
export const typeCheck = (expected: string, accepts: (value: unknown) => boolean) =>
  function (this: Schema, payload: Payload): Payload {
    return accepts(payload.value)
      ? payload
      : raise(payload, this, { expected, code: 'invalid_type', input: payload.value });
  };
