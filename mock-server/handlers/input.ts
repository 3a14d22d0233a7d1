// What a route reads of a request besides its path, by the conventions of API.md, alike on every route: a
// body said to be JSON (`415` otherwise), one JSON object in JSON's own white space (`400 invalid_json`), no
// body field and no query parameter the route does not define (`400 unknown_parameter`), no query parameter
// given twice (`400`), and then each value as its contract schema says (`400`/`422`).
import * as z from 'zod/mini';
import { compiledOf } from '../../src/contract/compiled.js';
import { CHECK_OPTIONS, describeIssue } from '../../src/contract/index.js';
import { ServiceError } from '../service/index.js';
import { bodyTextOf, headerOf } from './handover.js';
import type { InputSchema } from './route-table.js';

/** A route's body and query, decoded by the schemas it declares; `undefined` where it declares none. */
export interface RouteValues {
  readonly body: unknown;
  readonly query: unknown;
}

/** Reads what a route declares it takes, refusing anything else with the error API.md gives it. */
export async function readInput(
  request: Request,
  url: URL,
  route: { readonly body: InputSchema | null; readonly query: InputSchema | null },
): Promise<RouteValues> {
  const query = readQuery(url, route.query);
  const text = await bodyTextOf(request);
  if (text === '') return { query, body: route.body === null ? undefined : check(route.body, {}, 'body') };
  checkContentType(headerOf(request, 'content-type'));
  const fields = parseObject(text);
  if (route.body !== null) return { query, body: check(route.body, fields, 'body') };
  const [first] = Object.keys(fields);
  if (first !== undefined) {
    throw new ServiceError(
      400,
      'unknown_parameter',
      `Unknown parameter: ${quoted(first)}. This route takes no body fields.`,
      first,
    );
  }
  return { query, body: undefined };
}

function readQuery(url: URL, schema: InputSchema | null): unknown {
  // No prototype: a parameter named `__proto__` is a parameter like any other, which the schema refuses.
  const values: Record<string, string> = Object.create(null);
  for (const [name, value] of url.searchParams) {
    if (Object.hasOwn(values, name)) {
      throw new ServiceError(
        400,
        'parameter_repeated',
        `The query parameter ${quoted(name)} is given more than once; give it once.`,
        name,
      );
    }
    if (schema === null) {
      throw new ServiceError(
        400,
        'unknown_parameter',
        `Unknown parameter: ${quoted(name)}. This route takes no query parameters.`,
        name,
      );
    }
    values[name] = value;
  }
  return schema === null ? undefined : check(schema, values, 'query');
}

// A name the request sent, as a message quotes it: cut short when long (the param field carries it whole).
function quoted(name: string): string {
  return name.length > 100 ? `${name.slice(0, 100)}…` : name;
}

/** Refuses a body not said to be JSON: `application/json`, with `charset=utf-8` or no charset. */
export function checkContentType(header: string | null): void {
  const [type = '', ...parameters] = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters.find((parameter) => parameter.startsWith('charset='));
  const utf8 = charset === undefined || ['utf-8', '"utf-8"'].includes(charset.slice('charset='.length));
  if (type === 'application/json' && utf8) return;
  const sent = header === null ? 'none' : JSON.stringify(header.slice(0, 100));
  throw new ServiceError(
    415,
    'unsupported_media_type',
    `A request body must be JSON, sent with content-type: application/json; this one's content-type is ${sent}.`,
  );
}

/** Parses a body that must be one JSON object; anything else is `400 invalid_json`. */
export function parseObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's own message quotes the body, which may hold a phone number: it is not echoed.
    throw new ServiceError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ServiceError(400, 'invalid_json', 'The request body must be one JSON object.');
  }
  return value as Record<string, unknown>;
}

/** Decodes a value with a contract schema, as the SDK does; a refusal is the API's `400` or `422`. */
export function check<S extends z.core.$ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  // Compiled as the SDK decodes (zod's generated parser was most of the saving on a list request), with the
  // SDK's options: a missing field told from one of the wrong type, the messages whatever the locale.
  const result = z.safeDecode(compiledOf(schema), value as z.input<S>, CHECK_OPTIONS);
  if (result.success) return result.data;
  const problem = describeIssue(result.error, where);
  throw new ServiceError(problem.status, problem.code, problem.message, problem.param);
}
