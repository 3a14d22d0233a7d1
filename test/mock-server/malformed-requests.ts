// Malformed requests to every route of the reference server, generated from its route table (each route's
// method, path and the contract schemas of its body and query) rather than written route by route. Each
// arbitrary makes a request that is wrong in one way, from a valid one (the contract cases' examples of each
// body and query), and says what the API answers it: the status, and the error code where it is certain.
import fc from 'fast-check';
import * as z from 'zod/mini';
import type { AulmHandler } from '../../mock-server/handlers/index.js';
import type { ApiRoute } from '../../mock-server/handlers/route-table.js';
import type { AulmMock } from '../../mock-server/index.js';
import { params } from '../contract/contract-cases.js';

/** A request as it is sent: method, path with its query, headers, and a body of text or bytes. */
export interface Malformed {
  readonly kind: string;
  /** The route it was made from (`POST /v1/messages`). */
  readonly route: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** The status the API answers it with (one of them, where the malformation allows two). */
  readonly status: number | readonly number[];
  /** The error code, where one is certain. */
  readonly code?: string;
  /** The `allow` header of a 405. */
  readonly allow?: string;
}

/**
 * The id each collection's paths are filled with (`/v1/messages` → `msg_…`): objects that exist, so that
 * only the malformation is refused.
 */
export type Ids = Readonly<Record<string, string>>;

const METHODS = ['GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'HEAD', 'OPTIONS', 'TRACE', 'TRACK'];
const JSON_TYPE = { 'content-type': 'application/json' };

/** The routes of a mock, as its one MSW handler has them. */
export function routesOf(mock: AulmMock): readonly ApiRoute[] {
  return (mock.handlers[0] as AulmHandler).routes;
}

// The wire form of the contract cases' example of a schema: a valid body or query for it.
function exampleOf(schema: z.core.$ZodType): Record<string, unknown> {
  const found = params.find(([, each]) => each === schema);
  if (!found) throw new Error('A route reads with a schema the contract cases have no example of.');
  return z.encode(found[1], found[2] as never) as Record<string, unknown>;
}

/** A route made concrete: its path with ids filled in, its allowed methods, a valid body and query. */
interface Target {
  readonly route: ApiRoute;
  readonly path: string;
  readonly allow: readonly string[];
  readonly body: Record<string, unknown> | null;
  readonly query: Record<string, unknown> | null;
}

function targetsOf(routes: readonly ApiRoute[], ids: Ids): Target[] {
  const filled = (route: ApiRoute) =>
    route.path.replace(/:id/, () => ids[route.path.slice(0, route.path.indexOf('/:'))] ?? 'x_none');
  return routes.map((route) => ({
    route,
    path: filled(route),
    allow: routes.filter((other) => other.path === route.path).map((other) => other.method),
    body: route.body ? exampleOf(route.body) : null,
    query: route.query ? exampleOf(route.query) : null,
  }));
}

// A request of a target as it would be sent valid, before the malformation.
function valid(target: Target, key: string): Omit<Malformed, 'kind' | 'status'> {
  const search = target.query ? `?${new URLSearchParams(target.query as Record<string, string>)}` : '';
  return {
    route: `${target.route.method} ${target.route.path}`,
    method: target.route.method,
    path: `${target.path}${search}`,
    headers: { authorization: `Bearer ${key}`, ...(target.body ? JSON_TYPE : {}) },
    ...(target.body ? { body: JSON.stringify(target.body) } : {}),
  };
}

const token = fc.stringMatching(/^[a-z][a-z_]{0,15}$/);

/** Every way of making a request wrong, each over every route, for the key given. */
export function malformedRequests(mock: AulmMock, ids: Ids, key: string): fc.Arbitrary<Malformed> {
  const targets = targetsOf(routesOf(mock), ids);
  const target = fc.constantFrom(...targets);
  const bodied = targets.filter((each) => each.route.method !== 'GET' && each.route.method !== 'DELETE');
  return fc.oneof(
    // A method the path does not take: 405, before anything else is looked at.
    target.chain((each) =>
      fc.constantFrom(...METHODS.filter((method) => !each.allow.includes(method))).map((method) => ({
        ...valid(each, key),
        kind: 'method',
        method,
        body: undefined,
        status: 405,
        code: 'method_not_allowed',
        allow: each.allow.join(', '),
      })),
    ),
    // No key, or one that is not a bearer of a real key: 401.
    fc
      .tuple(
        target,
        fc.constantFrom(
          null,
          '',
          'Bearer',
          'Basic dXNlcjpwYXNz',
          `Bearer aulm_test_${'0'.repeat(32)}`,
          'Bearer a b',
        ),
      )
      .map(([each, authorization]) => {
        const { authorization: _, ...headers } = valid(each, key).headers;
        return {
          ...valid(each, key),
          kind: 'auth',
          headers: authorization === null ? headers : { ...headers, authorization },
          status: 401,
        };
      }),
    // A body not said to be JSON: 415.
    fc
      .tuple(
        fc.constantFrom(...bodied),
        fc.oneof(
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data',
            'image/png',
          ),
          fc.constantFrom('application/json; charset=latin1', 'application/problem+json', 'json', ''),
          fc.stringMatching(/^[a-z]{1,10}\/[a-z.+-]{1,12}$/).filter((type) => type !== 'application/json'),
        ),
      )
      .map(([each, type]) => ({
        ...valid(each, key),
        kind: 'content type',
        headers: { ...valid(each, key).headers, 'content-type': type },
        body: JSON.stringify(each.body ?? {}),
        status: 415,
        code: 'unsupported_media_type',
      })),
    // A body that is not one JSON object: 400 invalid_json.
    fc
      .tuple(
        fc.constantFrom(...bodied),
        fc.oneof(
          fc.string({ minLength: 1 }).filter((text) => !isJsonObject(text)),
          fc.json().filter((text) => !isJsonObject(text)),
          fc.constantFrom(' ', '\u00a0{}', '{} {}', '[{}]', 'null', '{"a":'),
        ),
      )
      .map(([each, body]) => ({
        ...valid(each, key),
        kind: 'json',
        headers: { ...valid(each, key).headers, ...JSON_TYPE },
        body,
        status: 400,
        code: 'invalid_json',
      })),
    // A body that is not UTF-8: 400 invalid_json.
    fc.tuple(fc.constantFrom(...bodied), fc.constantFrom(0xff, 0x80, 0xc3, 0xed)).map(([each, byte]) => {
      const text = new TextEncoder().encode(JSON.stringify({ ...each.body, note: 'ab' }));
      return {
        ...valid(each, key),
        kind: 'utf-8',
        headers: { ...valid(each, key).headers, ...JSON_TYPE },
        body: Uint8Array.from([...text.subarray(0, -3), byte, ...text.subarray(-3)]),
        status: 400,
        code: 'invalid_json',
      };
    }),
    // A body field the route does not define: 400 unknown_parameter.
    fc.tuple(fc.constantFrom(...bodied), token).map(([each, name]) => {
      const field = `x_${name}`;
      return {
        ...valid(each, key),
        kind: 'unknown field',
        headers: { ...valid(each, key).headers, ...JSON_TYPE },
        body: JSON.stringify({ ...each.body, [field]: 1 }),
        status: 400,
        code: 'unknown_parameter',
      };
    }),
    // A field of a valid body changed into one its schema refuses: 400 or 422.
    ...schemaRefusals(
      targets.filter((each) => each.body !== null),
      key,
    ),
    // A query parameter the route does not define, or one given twice: 400.
    fc.tuple(target, token).map(([each, name]) => {
      const request = valid(each, key);
      const join = request.path.includes('?') ? '&' : '?';
      return {
        ...request,
        kind: 'unknown query',
        path: `${request.path}${join}x_${name}=1`,
        status: 400,
        code: 'unknown_parameter',
      };
    }),
    fc
      .constantFrom(...targets.filter((each) => each.query !== null && Object.keys(each.query).length > 0))
      .map((each) => {
        const request = valid(each, key);
        const [first] = request.path.split('?')[1]!.split('&');
        return {
          ...request,
          kind: 'repeated query',
          path: `${request.path}&${first}`,
          status: 400,
          code: 'parameter_repeated',
        };
      }),
    // A path parameter no id can be, or a path the API does not have: 404.
    fc
      .tuple(
        fc.constantFrom(...targets.filter((each) => each.route.path.includes(':'))),
        fc.constantFrom('%zz', '%', '%E0%A4%A', '%00', 'msg_%ZZ', '%2F', '%2E%2E'),
      )
      .map(([each, junk]) => {
        const request = valid(each, key);
        const [path = '', search] = request.path.split('?');
        const segments = path.split('/');
        segments[each.route.path.split('/').indexOf(':id')] = junk;
        return {
          ...request,
          kind: 'id',
          path: `${segments.join('/')}${search === undefined ? '' : `?${search}`}`,
          status: 404,
          code: 'resource_not_found',
        };
      }),
    fc.tuple(target, fc.constantFrom('x', 's', '_', '%20')).map(([each, junk]) => {
      const request = valid(each, key);
      const [path = '', search = ''] = request.path.split('?');
      const segments = path.split('/');
      segments[2] = `${segments[2]}${junk}`;
      return {
        ...request,
        kind: 'path',
        path: `${segments.join('/')}${search ? `?${search}` : ''}`,
        status: 404,
        code: 'resource_not_found',
      };
    }),
    // An Idempotency-Key that is not 1 to 255 printable ASCII characters: 400.
    fc
      .tuple(
        fc.constantFrom(...targets.filter((each) => each.route.method === 'POST')),
        fc.constantFrom('k'.repeat(256), 'tab\there', 'café', ' '),
      )
      .map(([each, idempotencyKey]) => ({
        ...valid(each, key),
        kind: 'idempotency key',
        headers: { ...valid(each, key).headers, 'idempotency-key': idempotencyKey },
        status: 400,
        code: 'invalid_idempotency_key',
      })),
  );
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

// For each route that reads a body, the values one change away from its example that its schema refuses.
function schemaRefusals(targets: readonly Target[], key: string): Array<fc.Arbitrary<Malformed>> {
  return targets.map((each) => {
    const refused = [...changes(each.body!)].filter(
      (changed) => !z.safeDecode(each.route.body!, changed as never).success,
    );
    return fc.constantFrom(...refused).map((changed) => ({
      ...valid(each, key),
      kind: 'field',
      headers: { ...valid(each, key).headers, ...JSON_TYPE },
      body: JSON.stringify(changed),
      // 422 for a bad or missing field; 400 for one a union's branch does not define.
      status: [400, 422],
    }));
  });
}

const REPLACEMENTS = [null, 0, -1, 1.5, '', 'x', true, {}, [], 'x'.repeat(5000)];

// Each field of a wire object, one level down too, removed or replaced.
function* changes(value: Record<string, unknown>, depth = 0): Generator<Record<string, unknown>> {
  for (const name of Object.keys(value)) {
    const { [name]: _, ...without } = value;
    yield without;
    for (const replacement of REPLACEMENTS) yield { ...value, [name]: replacement };
    const inner = value[name];
    if (depth === 0 && inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
      for (const changed of changes(inner as Record<string, unknown>, 1)) yield { ...value, [name]: changed };
    }
  }
}
