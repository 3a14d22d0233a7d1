// One operation of the document from a route of the table: its path and query parameters, request body,
// success response with its headers, and the error responses the route can answer.
import * as z from 'zod/mini';
import { ID_PREFIXES, idOf } from '../../src/contract/index.js';
import { ERROR_RESPONSES, headerRef, keyHeaders } from './responses.js';
import type { RouteSpec } from './routes.js';
import {
  type JsonObject,
  type JsonValue,
  jsonOf,
  type QueryName,
  type Schema,
  schemaRef,
} from './schemas.js';

// The error statuses a route can answer: every route the auth, scope, region, rate-limit and server ones;
// a body or a query its checks; an id in the path 404; a POST the idempotency conflicts.
function errorKeysOf(route: RouteSpec): string[] {
  const keys = new Set(['401', '403', '421', '429', '5XX']);
  if (route.body !== undefined || route.query !== undefined) {
    keys.add('400');
    keys.add('422');
  }
  if (route.id !== undefined) keys.add('404');
  if (route.method === 'post') keys.add('409');
  for (const status of route.errors ?? []) keys.add(String(status));
  return ERROR_RESPONSES.map((spec) => spec.key).filter((key) => keys.has(key));
}

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted' };

export function operationOf(
  route: RouteSpec,
  schemas: Record<string, JsonObject>,
  queries: Record<QueryName, JsonObject>,
  bodies: Record<string, Schema>,
): JsonObject {
  const parameters: JsonValue[] = [];
  if (route.id !== undefined) {
    parameters.push({
      name: 'id',
      in: 'path',
      required: true,
      description: `The id (\`${ID_PREFIXES[route.id]}...\`).`,
      schema: jsonOf(idOf(route.id)),
    });
  }
  if (route.query !== undefined) {
    const query = queries[route.query];
    const properties = query.properties as Record<string, JsonObject>;
    const required = new Set((query.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries(properties)) {
      const { description, ...rest } = schema;
      // A time bound is a timestamp on the wire, like every other.
      const same = JSON.stringify(rest) === JSON.stringify(schemas.Timestamp);
      parameters.push({
        name,
        in: 'query',
        required: required.has(name),
        ...(description === undefined ? {} : { description }),
        schema: same ? schemaRef('Timestamp') : rest,
      });
    }
  }
  if (route.method === 'post') parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  const operation: JsonObject = {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    security: [{ bearerAuth: [route.scope] }],
    description: `Needs the scope \`${route.scope}\` (or \`*\`).`,
  };
  if (parameters.length > 0) operation.parameters = parameters;
  if (route.body !== undefined) {
    // A body whose every field is optional may be left out: an empty body reads as `{}`.
    const required = !z.safeDecode(bodies[route.body]!, {} as never).success;
    operation.requestBody = {
      required,
      content: { 'application/json': { schema: schemaRef(route.body) } },
    };
  }
  const successHeaders: JsonObject = { ...keyHeaders(true) };
  if (route.method === 'post') {
    successHeaders['idempotent-replayed'] = headerRef('IdempotentReplayed');
    successHeaders['aulm-original-request-id'] = headerRef('OriginalRequestId');
  }
  const responses: JsonObject = {
    [String(route.status)]: {
      description: STATUS_TEXT[route.status]!,
      headers: successHeaders,
      content: { 'application/json': { schema: schemaRef(route.response) } },
    },
  };
  for (const key of errorKeysOf(route)) {
    const spec = ERROR_RESPONSES.find((candidate) => candidate.key === key)!;
    responses[key] = { $ref: `#/components/responses/${spec.name}` };
  }
  operation.responses = responses;
  return operation;
}
