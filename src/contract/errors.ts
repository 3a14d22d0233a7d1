// The error envelope of the wire, the type each status carries, and how a failed schema check becomes
// the `{code, param, message}` that both the SDK (locally) and the reference server (as a 4xx) report.
import * as z from 'zod/mini';
import { schemaOf, wireModel } from './codec.js';

/** The `type` of an error, one per family of statuses. */
export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'conflict_error'
  | 'rate_limit_error'
  | 'api_error';
/**
 * The `type` of an error, one per family of statuses.
 * @internal
 */
export const ErrorType = schemaOf<ErrorType>()(
  z.enum([
    'invalid_request_error',
    'authentication_error',
    'permission_error',
    'not_found_error',
    'conflict_error',
    'rate_limit_error',
    'api_error',
  ]),
);

/**
 * The body of every error response: `{"error": {type, code, message, param, request_id}}`. An object type
 * rather than an interface: the SDK reads it as a record, beside the body of an error that is not one.
 */
export type ErrorBody = {
  /** The family of the error, an {@link ErrorType}. */
  type: string;
  /** What went wrong, as a stable code (`parameter_missing`). */
  code: string;
  /** What went wrong, in a sentence. */
  message: string;
  /** The parameter at fault, or `null`. */
  param: string | null;
  /** The request's id, `req_…`. */
  requestId: string;
};
/**
 * The body of every error response: `{"error": {type, code, message, param, request_id}}`.
 * @internal
 */
export const ErrorBody = wireModel<ErrorBody>()({
  type: z.string(),
  code: z.string(),
  message: z.string(),
  param: z.nullable(z.string()),
  requestId: z.string(),
});

/** An error response: `{"error": {...}}`. */
export interface ErrorEnvelope {
  /** The error. */
  error: ErrorBody;
}
/**
 * An error response: `{"error": {...}}`.
 * @internal
 */
export const ErrorEnvelope = wireModel<ErrorEnvelope>()({ error: ErrorBody });

/**
 * How the SDK and the reference server run a contract schema: with each issue's input, so that a field of
 * the wrong type can be told from a missing one, and with zod's own `Invalid input` wherever the contract
 * gives no message of its own. zod's messages otherwise follow a locale that is global to the process (an
 * application that uses classic `zod` anywhere sets English), and the SDK's errors would change with it.
 * @internal
 */
export const CHECK_OPTIONS = {
  reportInput: true,
  error: () => 'Invalid input',
} satisfies z.core.ParseContext<z.core.$ZodIssue>;

/** Returns the error `type` that the API uses for an HTTP status. */
export function errorTypeForStatus(status: number): ErrorType {
  switch (status) {
    case 401:
      return 'authentication_error';
    case 403:
      return 'permission_error';
    case 404:
      return 'not_found_error';
    case 409:
      return 'conflict_error';
    case 429:
      return 'rate_limit_error';
    default:
      return status >= 500 ? 'api_error' : 'invalid_request_error';
  }
}

/** What a rejected parameter is reported as, on the wire and in the SDK's errors. */
export interface ParamProblem {
  status: 400 | 422;
  code: string;
  param: string | null;
  message: string;
}

/** Returns the wire name of the field a schema issue is about (`text.body`, `metadata.plan`). */
export function paramPath(path: readonly PropertyKey[]): string | null {
  return path.length === 0 ? null : path.map(String).join('.');
}

/**
 * Describes the first problem that a schema check found in a request's parameters, in the API's terms:
 * an unknown field is `400 unknown_parameter`, a missing one `422 parameter_missing`, a bad phone number
 * `422 invalid_phone_number`, anything else `422 parameter_invalid`. `where` names what was checked
 * (`body`, `query`), for a problem with the whole of it. Check with `CHECK_OPTIONS`: without the
 * input on each issue, a field of the wrong type cannot be told from a missing one.
 */
export function describeIssue(error: z.core.$ZodError, where = 'body'): ParamProblem {
  const issue = error.issues[0];
  if (!issue)
    return { status: 422, code: 'parameter_invalid', param: null, message: `The ${where} is invalid.` };
  if (issue.code === 'unrecognized_keys') {
    const param = paramPath([...issue.path, issue.keys[0] ?? '']);
    return { status: 400, code: 'unknown_parameter', param, message: `Unknown parameter: ${param}.` };
  }
  const param = paramPath(issue.path);
  if (param === null) {
    return { status: 422, code: 'parameter_invalid', param, message: `The ${where} must be a JSON object.` };
  }
  if (isMissing(issue)) {
    return {
      status: 422,
      code: 'parameter_missing',
      param,
      message: `Missing required parameter: ${param}.`,
    };
  }
  const code =
    issue.code === 'custom' && typeof issue.params?.code === 'string'
      ? issue.params.code
      : 'parameter_invalid';
  return { status: 422, code, param, message: `Invalid ${param}: ${describeProblem(issue)}.` };
}

// A discriminated union reports a missing discriminator on the whole object, not on the field.
function isMissing(issue: z.core.$ZodIssue): boolean {
  if (issue.code === 'invalid_type') return issue.input === undefined;
  if (issue.code !== 'invalid_union') return false;
  const { discriminator } = issue as { discriminator?: string };
  const input = issue.input as Record<string, unknown> | undefined;
  return (
    discriminator !== undefined &&
    typeof input === 'object' &&
    input !== null &&
    input[discriminator] === undefined
  );
}

/** Whether an issue carries a message the contract gave, rather than zod's `Invalid input`. */
export function hasOwnMessage(issue: z.core.$ZodIssue): boolean {
  return issue.message !== CHECK_OPTIONS.error();
}

function describeProblem(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') {
        return issue.minimum === 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`;
      }
      return issue.origin === 'array'
        ? `must have at least ${issue.minimum} entries`
        : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${issue.maximum} characters`
        : issue.origin === 'array' || issue.origin === 'object'
          ? `must have at most ${issue.maximum} entries`
          : `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'datetime') return 'must be an ISO 8601 timestamp';
      // A pattern of the contract's own says what it wants in its message, or else by the pattern itself.
      if (issue.format === 'regex')
        return hasOwnMessage(issue) ? issue.message : `must match ${issue.pattern}`;
      return `must be a valid ${issue.format}`;
    default:
      return hasOwnMessage(issue) ? issue.message : 'invalid value';
  }
}
