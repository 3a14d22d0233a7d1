// The wire schemas of the document, by name: every schema is the *input* (wire, snake_case) side of the
// contract's codecs, as `z.toJSONSchema(…, { io: 'input' })` gives it, with the few checks that JSON Schema
// cannot read from a `refine` (E.164 numbers, id prefixes, the `limit` of lists) written in from the
// contract's own values, or found by asking the schema itself (`z.safeParse`, `z.safeDecode`): zod's public
// API, never its internals. The query schemas come out here too, for the routes to turn into parameters.
import * as z from 'zod/mini';
import {
  AccessPrivacyRequest,
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
  ErasurePrivacyRequest,
  ErasureResult,
  ErrorBody,
  ErrorEnvelope,
  EVENT_DATA,
  EventSubscription,
  EventType,
  ExportPrivacyRequest,
  ExportResult,
  ExtendPrivacyRequestParams,
  e164,
  eventEnvelopeShape,
  ID_PREFIXES,
  idOf,
  ListApiKeysParams,
  ListLogsParams,
  ListPrivacyRequestsParams,
  ListSessionsParams,
  ListTicketsParams,
  ListWebhookDeliveriesParams,
  ListWebhookEndpointsParams,
  METADATA_KEY,
  MediaContent,
  MediaUrl,
  Message,
  MessageError,
  MessageLog,
  MessageLogList,
  MessageStatus,
  Metadata,
  MetadataParam,
  ObjectionPrivacyRequest,
  ObjectionResult,
  PrivacyExport,
  PrivacyRequest,
  PrivacyRequestList,
  PrivacyRequestStatus,
  PrivacyRequestType,
  PrivacySubject,
  PrivacySubjectParams,
  pageLimit,
  RateTicketParams,
  RectificationPrivacyRequest,
  RectificationResult,
  Region,
  ReplyTicketParams,
  RestrictionPrivacyRequest,
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
} from '../../src/contract/index.js';

/** A JSON object of the document. */
export type JsonObject = { [key: string]: JsonValue };
/** A JSON value of the document. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

export type Schema = z.core.$ZodType;

export const schemaRef = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

// ---------------------------------------------------------------------------------------------------------
// Components: the wire schemas, by name. A schema registered here is a `$ref` wherever it is used.
// ---------------------------------------------------------------------------------------------------------

/** Wire objects with the capitalised name of their event type: `message.delivered` → `MessageDeliveredEvent`. */
export function eventSchemaName(type: string): string {
  const words = type.split(/[._]/).map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return `${words.join('')}Event`;
}

// The envelope's wire shape with `type` and `data` pinned to one event type.
const eventSchemas = Object.entries(EVENT_DATA).map(
  ([type, data]) =>
    [
      eventSchemaName(type),
      z.object({ ...eventEnvelopeShape, id: idOf('event'), type: z.literal(type), data }),
    ] as const,
);

// The six variants of a privacy request, one per type, in their order.
const privacyRequestVariants: ReadonlyArray<readonly [string, Schema]> = [
  ['AccessPrivacyRequest', AccessPrivacyRequest],
  ['ExportPrivacyRequest', ExportPrivacyRequest],
  ['RectificationPrivacyRequest', RectificationPrivacyRequest],
  ['ErasurePrivacyRequest', ErasurePrivacyRequest],
  ['RestrictionPrivacyRequest', RestrictionPrivacyRequest],
  ['ObjectionPrivacyRequest', ObjectionPrivacyRequest],
];

export const COMPONENTS: ReadonlyArray<readonly [string, Schema]> = [
  // Scalars and enums.
  ['Timestamp', timestamp],
  // `phoneNumber` (responses) is a codec whose wire side is `e164` (requests): one component for both.
  ['PhoneNumber', e164],
  ['Region', Region],
  ['Scope', Scope],
  ['SessionStatus', SessionStatus],
  ['MessageStatus', MessageStatus],
  ['Metadata', Metadata],
  ['MetadataParam', MetadataParam],
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
export type QueryName = keyof typeof QUERIES;
const QUERY_PREFIX = 'Query__';

// ---------------------------------------------------------------------------------------------------------
// What JSON Schema cannot read from a `refine`, written in from the contract's own values.
// ---------------------------------------------------------------------------------------------------------

const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;

// What a `refine` of a string schema says when it refuses: its message for the empty string, which every
// `refine` of the contract refuses (zod's own checks, such as lengths and patterns, JSON Schema reads).
function refineMessages(schema: Schema): string[] {
  const result = z.safeParse(schema, '');
  return result.success
    ? []
    : result.error.issues.filter((issue) => issue.code === 'custom').map((issue) => issue.message);
}

// The kind of id a string schema made by `idOf` checks: the one prefix it accepts, and not alone.
function idPrefixOf(schema: Schema): string | null {
  const accepts = (text: string) => z.safeParse(schema, text).success;
  const accepted = Object.values(ID_PREFIXES).filter((prefix) => accepts(`${prefix}x`));
  return accepted.length === 1 && !accepts(accepted[0]!) ? accepted[0]! : null;
}

// The bounds a page's `limit` accepts, found by asking it (it accepts a range of whole numbers).
function pageLimitBounds(): { minimum: number; maximum: number } {
  const accepts = (n: number) => z.safeDecode(pageLimit, String(n)).success;
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
  if (schema === pageLimit) {
    const { minimum, maximum } = pageLimitBounds();
    for (const key of Object.keys(json)) delete json[key];
    Object.assign(json, { type: 'integer', minimum, maximum, default: 20 });
    json.description = `How many objects a page holds, from ${minimum} to ${maximum}.`;
    return;
  }
  if (schema === MetadataParam) {
    for (const key of Object.keys(json)) delete json[key];
    Object.assign(json, {
      type: 'object',
      maxProperties: 20,
      propertyNames: { pattern: METADATA_KEY.source },
      additionalProperties: { type: 'string', maxLength: 500 },
      description:
        'Up to 20 keys of 1 to 40 letters, digits, _, - or ., each value a string of up to 500 characters.',
    });
    return;
  }
  if (schema === Metadata) {
    for (const key of Object.keys(json)) delete json[key];
    Object.assign(json, {
      type: 'object',
      additionalProperties: { type: 'string' },
      description:
        'The metadata the message was sent with, as an erasure may have left it ([erased] in a key or value).',
    });
    return;
  }
  if (schema === EndpointUrl || schema === MediaUrl) json.format = 'uri';
  if (json.type === 'integer' && json.minimum === -SAFE_INTEGER) delete json.minimum;
  if (json.type === 'integer' && json.maximum === SAFE_INTEGER) delete json.maximum;
  if (json.type !== 'string') return;
  const prefix = idPrefixOf(schema);
  if (prefix !== null) {
    json.pattern = `^${prefix}`;
    json.minLength = prefix.length + 1;
  }
  const messages = refineMessages(schema);
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
export function jsonOf(schema: Schema): JsonObject {
  return clean(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', override })) as JsonObject;
}

export function componentSchemas(): {
  schemas: Record<string, JsonObject>;
  queries: Record<QueryName, JsonObject>;
} {
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
