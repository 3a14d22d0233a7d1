// The OpenAPI 3.1 document of the aulm API, generated from the contract's zod schemas: every schema is the
// *input* (wire, snake_case) side of the contract's codecs, as `z.toJSONSchema(…, { io: 'input' })` gives
// it, with the few checks that JSON Schema cannot read from a `refine` (E.164 numbers, id prefixes, the
// `limit` of lists) written in from the contract's own values. `npm run openapi` writes docs/openapi.json;
// the tests import `buildOpenApiDocument` to check the file is up to date. Nothing in `src/` imports this.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import {
  AccessResult,
  Account,
  AccountChanges,
  ApiKey,
  ApiKeyList,
  CreateApiKeyParams,
  CreatePrivacyRequestParams,
  CreateSessionParams,
  CreateTicketParams,
  CreateWebhookEndpointParams,
  Csat,
  DeliveryAttempt,
  DeliveryStatus,
  Device,
  E164_PATTERN,
  EndpointStatus,
  EndpointUrl,
  ErasureResult,
  ErrorBody,
  ErrorEnvelope,
  EVENT_DATA,
  EventEnvelope,
  EventSubscription,
  EventType,
  ExportResult,
  ExtendPrivacyRequestParams,
  e164,
  ID_PREFIXES,
  idOf,
  ListApiKeysParams,
  ListLogsParams,
  ListPrivacyRequestsParams,
  ListSessionsParams,
  ListTicketsParams,
  ListWebhookDeliveriesParams,
  ListWebhookEndpointsParams,
  listParams,
  MediaContent,
  Message,
  MessageError,
  MessageLog,
  MessageLogList,
  MessageStatus,
  Metadata,
  ObjectionResult,
  PrivacyExport,
  PrivacyRequest,
  PrivacyRequestList,
  PrivacyRequestStatus,
  PrivacyRequestType,
  PrivacySubject,
  PrivacySubjectParams,
  RateTicketParams,
  RectificationResult,
  Region,
  ReplyTicketParams,
  RestrictionResult,
  Scope,
  SendMessageWire,
  Session,
  SessionList,
  SessionStatus,
  SupportTicket,
  SupportTicketList,
  TicketMessage,
  TicketPriority,
  TicketStatus,
  timestamp,
  UpdateAccountParams,
  UpdateWebhookEndpointParams,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookSecret,
} from '../src/contract/index.js';

/** A JSON object of the document. */
export type JsonObject = { [key: string]: JsonValue };
/** A JSON value of the document. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

type Schema = z.core.$ZodType;
type IdKind = keyof typeof ID_PREFIXES;
type Method = 'get' | 'post' | 'patch' | 'delete';

const schemaRef = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

// ---------------------------------------------------------------------------------------------------------
// Components: the wire schemas, by name. A schema registered here is a `$ref` wherever it is used.
// ---------------------------------------------------------------------------------------------------------

/** Wire objects with the capitalised name of their event type: `message.delivered` → `MessageDeliveredEvent`. */
function eventSchemaName(type: string): string {
  const words = type.split(/[._]/).map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return `${words.join('')}Event`;
}

// The envelope's wire shape with `type` and `data` pinned to one event type.
const envelopeShape = (EventEnvelope._zod.def.in as z.ZodMiniObject<z.core.$ZodLooseShape>)._zod.def.shape;
const eventSchemas = Object.entries(EVENT_DATA).map(
  ([type, data]) =>
    [
      eventSchemaName(type),
      z.object({ ...envelopeShape, id: idOf('event'), type: z.literal(type), data }),
    ] as const,
);

// The six variants of a privacy request, one per type, named `AccessPrivacyRequest`... in their order.
const privacyRequestVariants = PrivacyRequest._zod.def.options.map((variant) => {
  const wire = variant._zod.def.in as z.ZodMiniObject<z.core.$ZodLooseShape>;
  const type = (wire._zod.def.shape.type as z.ZodMiniLiteral<string>)._zod.def.values[0] as string;
  return [`${type.charAt(0).toUpperCase()}${type.slice(1)}PrivacyRequest`, variant] as const;
});

const COMPONENTS: ReadonlyArray<readonly [string, Schema]> = [
  // Scalars and enums.
  ['Timestamp', timestamp],
  // `phoneNumber` (responses) is a codec whose wire side is `e164` (requests): one component for both.
  ['PhoneNumber', e164],
  ['Region', Region],
  ['Scope', Scope],
  ['SessionStatus', SessionStatus],
  ['MessageStatus', MessageStatus],
  ['Metadata', Metadata],
  ['EventType', EventType],
  ['EventSubscription', EventSubscription],
  ['EndpointUrl', EndpointUrl],
  ['EndpointStatus', EndpointStatus],
  ['WebhookSecret', WebhookSecret],
  ['DeliveryStatus', DeliveryStatus],
  ['PrivacyRequestType', PrivacyRequestType],
  ['PrivacyRequestStatus', PrivacyRequestStatus],
  ['TicketStatus', TicketStatus],
  ['TicketPriority', TicketPriority],
  // Responses.
  ['Account', Account],
  ['ApiKey', ApiKey],
  ['ApiKeyList', ApiKeyList],
  ['Device', Device],
  ['Session', Session],
  ['SessionList', SessionList],
  ['MessageError', MessageError],
  ['Message', Message],
  ['MessageLog', MessageLog],
  ['MessageLogList', MessageLogList],
  ['WebhookEndpoint', WebhookEndpoint],
  ['WebhookEndpointList', WebhookEndpointList],
  ['DeliveryAttempt', DeliveryAttempt],
  ['WebhookDelivery', WebhookDelivery],
  ['WebhookDeliveryList', WebhookDeliveryList],
  ['PrivacySubject', PrivacySubject],
  ['AccessResult', AccessResult],
  ['ExportResult', ExportResult],
  ['RectificationResult', RectificationResult],
  ['ErasureResult', ErasureResult],
  ['RestrictionResult', RestrictionResult],
  ['ObjectionResult', ObjectionResult],
  ...privacyRequestVariants,
  ['PrivacyRequest', PrivacyRequest],
  ['PrivacyRequestList', PrivacyRequestList],
  ['PrivacyExport', PrivacyExport],
  ['TicketMessage', TicketMessage],
  ['Csat', Csat],
  ['SupportTicket', SupportTicket],
  ['SupportTicketList', SupportTicketList],
  ['ErrorBody', ErrorBody],
  ['Error', ErrorEnvelope],
  // Request bodies.
  ['UpdateAccountParams', UpdateAccountParams],
  ['CreateApiKeyParams', CreateApiKeyParams],
  ['CreateSessionParams', CreateSessionParams],
  ['MediaContent', MediaContent],
  ['SendMessageParams', SendMessageWire],
  ['CreateWebhookEndpointParams', CreateWebhookEndpointParams],
  ['UpdateWebhookEndpointParams', UpdateWebhookEndpointParams],
  ['PrivacySubjectParams', PrivacySubjectParams],
  ['AccountChanges', AccountChanges],
  ['CreatePrivacyRequestParams', CreatePrivacyRequestParams],
  ['ExtendPrivacyRequestParams', ExtendPrivacyRequestParams],
  ['CreateTicketParams', CreateTicketParams],
  ['ReplyTicketParams', ReplyTicketParams],
  ['RateTicketParams', RateTicketParams],
  // Webhook events.
  ...eventSchemas,
];

/** The query schemas, turned into `in: query` parameters rather than components. */
const QUERIES = {
  ListApiKeysParams,
  ListSessionsParams,
  ListLogsParams,
  ListWebhookEndpointsParams,
  ListWebhookDeliveriesParams,
  ListPrivacyRequestsParams,
  ListTicketsParams,
} as const;
type QueryName = keyof typeof QUERIES;
const QUERY_PREFIX = 'Query__';

// ---------------------------------------------------------------------------------------------------------
// What JSON Schema cannot read from a `refine`, written in from the contract's own values.
// ---------------------------------------------------------------------------------------------------------

const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;
// The `limit` codec every list shares (a decimal string on the wire, checked by a refine).
const limitCodec = listParams.limit._zod.def.innerType;
const mediaUrl = (MediaContent._zod.def.in as z.ZodMiniObject<z.core.$ZodLooseShape>)._zod.def.shape.url;

interface CustomCheck {
  fn: (value: unknown) => unknown;
  message: string | undefined;
}

// The `refine` checks of a schema, with the message each reports.
function customChecks(schema: Schema): CustomCheck[] {
  const checks = (schema._zod.def as { checks?: z.core.$ZodCheck[] }).checks ?? [];
  return checks
    .map((check) => check._zod.def as z.core.$ZodCheckDef & { fn?: (value: unknown) => unknown })
    .filter((def) => def.check === 'custom' && typeof def.fn === 'function')
    .map((def) => {
      const message = typeof def.error === 'function' ? def.error({} as never) : undefined;
      return { fn: def.fn!, message: typeof message === 'string' ? message : undefined };
    });
}

// The kind of id a string schema made by `idOf` checks: the one prefix its refine accepts.
function idPrefixOf(schema: Schema): string | null {
  if (schema._zod.def.type !== 'string') return null;
  for (const check of customChecks(schema)) {
    const accepted = Object.values(ID_PREFIXES).filter((prefix) => check.fn(`${prefix}x`) === true);
    if (accepted.length === 1 && check.fn(accepted[0]) !== true) return accepted[0]!;
  }
  return null;
}

// The bounds a `queryInt` refine accepts, found by asking it (it accepts a range of whole numbers).
function queryIntBounds(schema: Schema): { minimum: number; maximum: number } {
  const accepts = (n: number) => customChecks(schema).every((check) => check.fn(String(n)) === true);
  let minimum = 0;
  while (!accepts(minimum)) minimum += 1;
  let low = minimum;
  let high = 999_999;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (accepts(middle)) low = middle;
    else high = middle - 1;
  }
  return { minimum, maximum: low };
}

function sentence(message: string): string {
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
}

function override(ctx: { zodSchema: Schema; jsonSchema: z.core.JSONSchema.BaseSchema }): void {
  const { zodSchema: schema, jsonSchema: json } = ctx;
  if (schema === e164) {
    json.pattern = E164_PATTERN.source;
    json.description = 'A phone number in E.164 form: + then 8 to 15 digits, the first not 0.';
    return;
  }
  if (schema === limitCodec) {
    const { minimum, maximum } = queryIntBounds(limitCodec._zod.def.in);
    for (const key of Object.keys(json)) delete json[key];
    Object.assign(json, { type: 'integer', minimum, maximum, default: 20 });
    json.description = `How many objects a page holds, from ${minimum} to ${maximum}.`;
    return;
  }
  if (schema === Metadata) {
    json.maxProperties = 20;
    json.description = 'Up to 20 string keys of up to 40 characters, each value up to 500 characters.';
    return;
  }
  if (schema === EndpointUrl || schema === mediaUrl) json.format = 'uri';
  const prefix = idPrefixOf(schema);
  if (prefix !== null) {
    json.pattern = `^${prefix}`;
    json.minLength = prefix.length + 1;
  }
  if (json.type === 'integer' && json.minimum === -SAFE_INTEGER) delete json.minimum;
  if (json.type === 'integer' && json.maximum === SAFE_INTEGER) delete json.maximum;
  const messages = customChecks(schema)
    .map((check) => check.message)
    .filter((message) => message !== undefined);
  if (messages.length > 0 && json.description === undefined) {
    json.description = messages.map(sentence).join(' ');
  }
}

function clean(value: unknown): JsonValue {
  const text = JSON.stringify(value, (key, field) =>
    key === '$schema' || key === '$id' ? undefined : field,
  );
  return JSON.parse(text) as JsonValue;
}

/** Converts one schema, not in the registry, to JSON Schema (its wire side). */
function jsonOf(schema: Schema): JsonObject {
  return clean(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', override })) as JsonObject;
}

function componentSchemas(): { schemas: Record<string, JsonObject>; queries: Record<QueryName, JsonObject> } {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of COMPONENTS) registry.add(schema, { id: name });
  for (const [name, schema] of Object.entries(QUERIES))
    registry.add(schema, { id: `${QUERY_PREFIX}${name}` });
  const out = z.toJSONSchema(registry, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    override,
  });
  const all = clean(out.schemas) as Record<string, JsonObject>;
  const schemas: Record<string, JsonObject> = {};
  for (const [name] of COMPONENTS) schemas[name] = all[name]!;
  // A discriminated union names its discriminator, for code generators.
  for (const name of ['PrivacySubject', 'PrivacySubjectParams', 'SendMessageParams']) {
    schemas[name] = { ...schemas[name], discriminator: { propertyName: 'type' } };
  }
  schemas.PrivacyRequest = { ...schemas.PrivacyRequest, discriminator: { propertyName: 'type' } };
  const queries = Object.fromEntries(
    Object.keys(QUERIES).map((name) => [name, all[`${QUERY_PREFIX}${name}`]!]),
  ) as Record<QueryName, JsonObject>;
  return { schemas, queries };
}

// ---------------------------------------------------------------------------------------------------------
// The routes of API.md.
// ---------------------------------------------------------------------------------------------------------

interface RouteSpec {
  method: Method;
  /** The OpenAPI path, `{id}` for the path parameter. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /** The scope a key needs. */
  scope: string;
  status: 200 | 201 | 202;
  /** The component of the response body. */
  response: string;
  /** The component of the request body. */
  body?: string;
  query?: QueryName;
  /** The kind of the `{id}` in the path. */
  id?: IdKind;
  /** Error statuses of this route beyond those derived from its shape. */
  errors?: number[];
}

const ROUTES: RouteSpec[] = [
  // Account and API keys.
  {
    method: 'get',
    path: '/v1/account',
    operationId: 'getAccount',
    summary: 'Get the account',
    tag: 'Account',
    scope: 'account:read',
    status: 200,
    response: 'Account',
  },
  {
    method: 'patch',
    path: '/v1/account',
    operationId: 'updateAccount',
    summary: 'Update the account',
    tag: 'Account',
    scope: 'account:write',
    status: 200,
    response: 'Account',
    body: 'UpdateAccountParams',
  },
  {
    method: 'get',
    path: '/v1/api_keys',
    operationId: 'listApiKeys',
    summary: 'List API keys',
    tag: 'API keys',
    scope: 'account:read',
    status: 200,
    response: 'ApiKeyList',
    query: 'ListApiKeysParams',
  },
  {
    method: 'post',
    path: '/v1/api_keys',
    operationId: 'createApiKey',
    summary: 'Create an API key (its secret appears only in this response)',
    tag: 'API keys',
    scope: 'account:write',
    status: 201,
    response: 'ApiKey',
    body: 'CreateApiKeyParams',
  },
  {
    method: 'delete',
    path: '/v1/api_keys/{id}',
    operationId: 'revokeApiKey',
    summary: 'Revoke an API key',
    tag: 'API keys',
    scope: 'account:write',
    status: 200,
    response: 'ApiKey',
    id: 'apiKey',
  },
  // Sessions.
  {
    method: 'post',
    path: '/v1/sessions',
    operationId: 'createSession',
    summary: 'Create a session (pairing)',
    tag: 'Sessions',
    scope: 'sessions:write',
    status: 201,
    response: 'Session',
    body: 'CreateSessionParams',
  },
  {
    method: 'get',
    path: '/v1/sessions',
    operationId: 'listSessions',
    summary: 'List sessions',
    tag: 'Sessions',
    scope: 'sessions:read',
    status: 200,
    response: 'SessionList',
    query: 'ListSessionsParams',
  },
  {
    method: 'get',
    path: '/v1/sessions/{id}',
    operationId: 'getSession',
    summary: 'Get a session',
    tag: 'Sessions',
    scope: 'sessions:read',
    status: 200,
    response: 'Session',
    id: 'session',
  },
  {
    method: 'delete',
    path: '/v1/sessions/{id}',
    operationId: 'logoutSession',
    summary: 'Log a session out (it becomes disconnected)',
    tag: 'Sessions',
    scope: 'sessions:write',
    status: 200,
    response: 'Session',
    id: 'session',
  },
  // Messages and logs.
  {
    method: 'post',
    path: '/v1/messages',
    operationId: 'sendMessage',
    summary: 'Send a message (queued)',
    tag: 'Messages',
    scope: 'messages:write',
    status: 202,
    response: 'Message',
    body: 'SendMessageParams',
    errors: [404],
  },
  {
    method: 'get',
    path: '/v1/messages/{id}',
    operationId: 'getMessage',
    summary: 'Get a message',
    tag: 'Messages',
    scope: 'messages:read',
    status: 200,
    response: 'Message',
    id: 'message',
  },
  {
    method: 'get',
    path: '/v1/logs',
    operationId: 'listLogs',
    summary: 'List message logs',
    tag: 'Logs',
    scope: 'logs:read',
    status: 200,
    response: 'MessageLogList',
    query: 'ListLogsParams',
  },
  {
    method: 'get',
    path: '/v1/logs/{id}',
    operationId: 'getLog',
    summary: 'Get the log of a message',
    tag: 'Logs',
    scope: 'logs:read',
    status: 200,
    response: 'MessageLog',
    id: 'message',
  },
  // Webhooks.
  {
    method: 'post',
    path: '/v1/webhook_endpoints',
    operationId: 'createWebhookEndpoint',
    summary: 'Register a webhook endpoint (its secret appears only here and on rotation)',
    tag: 'Webhooks',
    scope: 'webhooks:write',
    status: 201,
    response: 'WebhookEndpoint',
    body: 'CreateWebhookEndpointParams',
  },
  {
    method: 'get',
    path: '/v1/webhook_endpoints',
    operationId: 'listWebhookEndpoints',
    summary: 'List webhook endpoints',
    tag: 'Webhooks',
    scope: 'webhooks:read',
    status: 200,
    response: 'WebhookEndpointList',
    query: 'ListWebhookEndpointsParams',
  },
  {
    method: 'get',
    path: '/v1/webhook_endpoints/{id}',
    operationId: 'getWebhookEndpoint',
    summary: 'Get a webhook endpoint',
    tag: 'Webhooks',
    scope: 'webhooks:read',
    status: 200,
    response: 'WebhookEndpoint',
    id: 'webhookEndpoint',
  },
  {
    method: 'patch',
    path: '/v1/webhook_endpoints/{id}',
    operationId: 'updateWebhookEndpoint',
    summary: 'Update a webhook endpoint',
    tag: 'Webhooks',
    scope: 'webhooks:write',
    status: 200,
    response: 'WebhookEndpoint',
    body: 'UpdateWebhookEndpointParams',
    id: 'webhookEndpoint',
  },
  {
    method: 'delete',
    path: '/v1/webhook_endpoints/{id}',
    operationId: 'deleteWebhookEndpoint',
    summary: 'Delete a webhook endpoint',
    tag: 'Webhooks',
    scope: 'webhooks:write',
    status: 200,
    response: 'WebhookEndpoint',
    id: 'webhookEndpoint',
  },
  {
    method: 'post',
    path: '/v1/webhook_endpoints/{id}/rotate_secret',
    operationId: 'rotateWebhookEndpointSecret',
    summary: 'Rotate the signing secret (the old one keeps signing for 24 hours)',
    tag: 'Webhooks',
    scope: 'webhooks:write',
    status: 200,
    response: 'WebhookEndpoint',
    id: 'webhookEndpoint',
  },
  {
    method: 'get',
    path: '/v1/webhook_deliveries',
    operationId: 'listWebhookDeliveries',
    summary: 'List webhook deliveries',
    tag: 'Webhooks',
    scope: 'webhooks:read',
    status: 200,
    response: 'WebhookDeliveryList',
    query: 'ListWebhookDeliveriesParams',
  },
  {
    method: 'get',
    path: '/v1/webhook_deliveries/{id}',
    operationId: 'getWebhookDelivery',
    summary: 'Get a webhook delivery',
    tag: 'Webhooks',
    scope: 'webhooks:read',
    status: 200,
    response: 'WebhookDelivery',
    id: 'webhookDelivery',
  },
  {
    method: 'post',
    path: '/v1/webhook_deliveries/{id}/retry',
    operationId: 'retryWebhookDelivery',
    summary: 'Try a delivery once more, now',
    tag: 'Webhooks',
    scope: 'webhooks:write',
    status: 200,
    response: 'WebhookDelivery',
    id: 'webhookDelivery',
  },
  // Privacy requests.
  {
    method: 'post',
    path: '/v1/privacy_requests',
    operationId: 'createPrivacyRequest',
    summary: 'File a privacy request',
    tag: 'Privacy',
    scope: 'privacy:write',
    status: 202,
    response: 'PrivacyRequest',
    body: 'CreatePrivacyRequestParams',
  },
  {
    method: 'get',
    path: '/v1/privacy_requests',
    operationId: 'listPrivacyRequests',
    summary: 'List privacy requests',
    tag: 'Privacy',
    scope: 'privacy:read',
    status: 200,
    response: 'PrivacyRequestList',
    query: 'ListPrivacyRequestsParams',
  },
  {
    method: 'get',
    path: '/v1/privacy_requests/{id}',
    operationId: 'getPrivacyRequest',
    summary: 'Get a privacy request',
    tag: 'Privacy',
    scope: 'privacy:read',
    status: 200,
    response: 'PrivacyRequest',
    id: 'privacyRequest',
  },
  {
    method: 'post',
    path: '/v1/privacy_requests/{id}/cancel',
    operationId: 'cancelPrivacyRequest',
    summary: 'Cancel a privacy request (only while received)',
    tag: 'Privacy',
    scope: 'privacy:write',
    status: 200,
    response: 'PrivacyRequest',
    id: 'privacyRequest',
  },
  {
    method: 'post',
    path: '/v1/privacy_requests/{id}/lift',
    operationId: 'liftPrivacyRequest',
    summary: 'Lift a completed restriction or objection',
    tag: 'Privacy',
    scope: 'privacy:write',
    status: 200,
    response: 'PrivacyRequest',
    id: 'privacyRequest',
  },
  {
    method: 'post',
    path: '/v1/privacy_requests/{id}/extend',
    operationId: 'extendPrivacyRequest',
    summary: 'Extend the due date by two months (once, before it)',
    tag: 'Privacy',
    scope: 'privacy:write',
    status: 200,
    response: 'PrivacyRequest',
    body: 'ExtendPrivacyRequestParams',
    id: 'privacyRequest',
  },
  {
    method: 'get',
    path: '/v1/privacy_requests/{id}/export',
    operationId: 'getPrivacyRequestExport',
    summary: 'Download the archive of a completed export (for 7 days)',
    tag: 'Privacy',
    scope: 'privacy:read',
    status: 200,
    response: 'PrivacyExport',
    id: 'privacyRequest',
    errors: [409],
  },
  // Support.
  {
    method: 'post',
    path: '/v1/support/tickets',
    operationId: 'createSupportTicket',
    summary: 'Open a support ticket',
    tag: 'Support',
    scope: 'support:write',
    status: 201,
    response: 'SupportTicket',
    body: 'CreateTicketParams',
  },
  {
    method: 'get',
    path: '/v1/support/tickets',
    operationId: 'listSupportTickets',
    summary: 'List support tickets',
    tag: 'Support',
    scope: 'support:read',
    status: 200,
    response: 'SupportTicketList',
    query: 'ListTicketsParams',
  },
  {
    method: 'get',
    path: '/v1/support/tickets/{id}',
    operationId: 'getSupportTicket',
    summary: 'Get a support ticket, with its messages',
    tag: 'Support',
    scope: 'support:read',
    status: 200,
    response: 'SupportTicket',
    id: 'supportTicket',
  },
  {
    method: 'post',
    path: '/v1/support/tickets/{id}/messages',
    operationId: 'replySupportTicket',
    summary: 'Write on a support ticket',
    tag: 'Support',
    scope: 'support:write',
    status: 200,
    response: 'SupportTicket',
    body: 'ReplyTicketParams',
    id: 'supportTicket',
  },
  {
    method: 'post',
    path: '/v1/support/tickets/{id}/csat',
    operationId: 'rateSupportTicket',
    summary: 'Rate a solved support ticket (once)',
    tag: 'Support',
    scope: 'support:write',
    status: 200,
    response: 'SupportTicket',
    body: 'RateTicketParams',
    id: 'supportTicket',
  },
];

// ---------------------------------------------------------------------------------------------------------
// Headers, error responses, and the document.
// ---------------------------------------------------------------------------------------------------------

const headerRef = (name: string): JsonObject => ({ $ref: `#/components/headers/${name}` });

const HEADERS: Record<string, JsonObject> = {
  RequestId: {
    description: 'The id of this request, for support: `req_...`. On every response.',
    required: true,
    schema: { type: 'string', pattern: `^${ID_PREFIXES.request}` },
  },
  Region: {
    description: "The account's home region. On every response to a request with a valid key.",
    schema: schemaRef('Region'),
  },
  RateLimitLimit: {
    description: "The requests the key's window allows. On every response to a request with a valid key.",
    schema: { type: 'integer', minimum: 0 },
  },
  RateLimitRemaining: {
    description: "The requests left in the key's window. On every response to a request with a valid key.",
    schema: { type: 'integer', minimum: 0 },
  },
  RateLimitReset: {
    description: 'Seconds until the window resets. On every response to a request with a valid key.',
    schema: { type: 'integer', minimum: 0 },
  },
  RetryAfter: {
    description: 'Seconds to wait before trying again.',
    schema: { type: 'integer', minimum: 0 },
  },
  HomeRegion: {
    description: "The account's home region, on a `421 wrong_region`.",
    required: true,
    schema: schemaRef('Region'),
  },
  IdempotentReplayed: {
    description: 'On a replay of the first response to the same `Idempotency-Key`.',
    schema: { type: 'string', const: 'true' },
  },
  OriginalRequestId: {
    description: 'On a replay: the request id of the first response.',
    schema: { type: 'string', pattern: `^${ID_PREFIXES.request}` },
  },
};

const keyHeaders = (required: boolean): JsonObject => {
  const header = (name: string): JsonObject =>
    required ? { ...HEADERS[name]!, required: true } : headerRef(name);
  return {
    'aulm-request-id': headerRef('RequestId'),
    'aulm-region': header('Region'),
    'ratelimit-limit': header('RateLimitLimit'),
    'ratelimit-remaining': header('RateLimitRemaining'),
    'ratelimit-reset': header('RateLimitReset'),
  };
};

interface ErrorResponseSpec {
  key: string;
  name: string;
  description: string;
  headers?: JsonObject;
}

// Each error status with its component name and what it means (API.md's table).
const ERROR_RESPONSES: ErrorResponseSpec[] = [
  {
    key: '400',
    name: 'BadRequest',
    description: '`invalid_request_error`: `invalid_json`, `unknown_parameter`, `invalid_cursor`.',
  },
  {
    key: '401',
    name: 'Unauthorized',
    description: '`authentication_error`: `missing_api_key`, `invalid_api_key`.',
  },
  {
    key: '403',
    name: 'Forbidden',
    description: '`permission_error`: `missing_scope`, `recipient_restricted`, `recipient_objected`.',
  },
  {
    key: '404',
    name: 'NotFound',
    description: "`not_found_error`: `resource_not_found` (another account's object is not found too).",
  },
  {
    key: '409',
    name: 'Conflict',
    description:
      '`conflict_error`: `session_not_connected`, `idempotency_key_reused`, `idempotency_request_in_progress`, `invalid_state`.',
  },
  {
    key: '421',
    name: 'WrongRegion',
    description:
      "`invalid_request_error`: `wrong_region`, on a regional host that is not the account's home.",
    headers: { 'aulm-home-region': headerRef('HomeRegion') },
  },
  {
    key: '422',
    name: 'UnprocessableEntity',
    description: '`invalid_request_error`: `invalid_phone_number`, `parameter_invalid`, `parameter_missing`.',
  },
  {
    key: '429',
    name: 'RateLimited',
    description: '`rate_limit_error`: `rate_limited`.',
    headers: { 'retry-after': { ...HEADERS.RetryAfter!, required: true } },
  },
  {
    key: '5XX',
    name: 'ServerError',
    description: '`api_error`: `internal_error`, `service_unavailable` (500, 502, 503).',
    headers: { 'retry-after': headerRef('RetryAfter') },
  },
];

function errorResponses(): Record<string, JsonObject> {
  return Object.fromEntries(
    ERROR_RESPONSES.map((spec) => [
      spec.name,
      {
        description: spec.description,
        headers: { ...keyHeaders(false), ...spec.headers },
        content: { 'application/json': { schema: schemaRef('Error') } },
      },
    ]),
  );
}

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

function operationOf(
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

function webhooksOf(): JsonObject {
  const webhooks: JsonObject = {};
  for (const type of Object.keys(EVENT_DATA)) {
    webhooks[type] = {
      post: {
        operationId: `on${eventSchemaName(type)}`,
        summary: `The \`${type}\` event, POSTed to the endpoint's URL`,
        tags: ['Webhooks'],
        description:
          'Signed as the Standard Webhooks specification says. A 2xx within 15 seconds succeeds; otherwise it is tried again after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h.',
        parameters: [
          {
            name: 'webhook-id',
            in: 'header',
            required: true,
            description: 'The event id, the same on every attempt.',
            schema: jsonOf(idOf('event')),
          },
          {
            name: 'webhook-timestamp',
            in: 'header',
            required: true,
            description: 'Unix seconds of this attempt.',
            schema: { type: 'integer' },
          },
          {
            name: 'webhook-signature',
            in: 'header',
            required: true,
            description:
              '`v1,<base64 HMAC-SHA256 over "{id}.{timestamp}.{body}">`, several separated by spaces.',
            schema: { type: 'string' },
          },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: schemaRef(eventSchemaName(type)) } },
        },
        responses: { '2XX': { description: 'Received.' } },
      },
    };
  }
  return webhooks;
}

/** The regional hosts and the global one, as API.md lists them. */
export const SERVERS = [
  { url: 'https://api.aulm.io', description: 'Global: serves every account.' },
  { url: 'https://eu.api.aulm.io', description: 'Region eu.' },
  { url: 'https://us.api.aulm.io', description: 'Region us.' },
  { url: 'https://ap.api.aulm.io', description: 'Region ap.' },
] as const;

/** Builds the OpenAPI 3.1 document of the whole API from the contract's schemas. */
export function buildOpenApiDocument(): JsonObject {
  const { schemas, queries } = componentSchemas();
  const bodies = Object.fromEntries(COMPONENTS) as Record<string, Schema>;
  const paths: JsonObject = {};
  for (const route of ROUTES) {
    for (const name of [route.response, route.body]) {
      if (name !== undefined && schemas[name] === undefined) throw new Error(`No component ${name}`);
    }
    const item = (paths[route.path] ?? {}) as JsonObject;
    item[route.method] = operationOf(route, schemas, queries, bodies);
    paths[route.path] = item;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'aulm API',
      version: '1',
      description:
        'Send messages to phone numbers through connected sessions, read back message logs, receive signed webhooks, and act on privacy rights. JSON bodies with snake_case fields; timestamps are UTC ISO 8601 strings. Generated from the zod contract of the aulm SDK (`npm run openapi`).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: SERVERS.map((server) => ({ ...server })),
    security: [{ bearerAuth: [] }],
    tags: ['Account', 'API keys', 'Sessions', 'Messages', 'Logs', 'Webhooks', 'Privacy', 'Support'].map(
      (name) => ({ name }),
    ),
    paths,
    webhooks: webhooksOf(),
    components: {
      schemas,
      responses: errorResponses(),
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'The same key with the same method, path and body within 24 hours replays the first response (header `idempotent-replayed: true`) and does the work once.',
          schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7E]+$' },
        },
      },
      headers: HEADERS,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'aulm_test_<32 base62> or aulm_live_<32 base62>',
          description:
            'An API key. A missing or unknown key answers 401; a key whose scopes do not cover the route, 403 `missing_scope`.',
        },
      },
    },
  };
}

/** The file `npm run openapi` writes: 2-space JSON, as the repository's formatter (Biome) leaves it. */
export const OPENAPI_FILE = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));

function main(): void {
  const text = `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
  // Biome formats JSON (short arrays on one line); its output is what the lint accepts.
  const biome = fileURLToPath(new URL('../node_modules/.bin/biome', import.meta.url));
  const formatted = execFileSync(biome, ['format', `--stdin-file-path=${OPENAPI_FILE}`], {
    input: text,
    encoding: 'utf8',
  });
  writeFileSync(OPENAPI_FILE, formatted);
  console.log(`Wrote ${OPENAPI_FILE}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
