// Type-level specifications of the named types, checked by `npm run typecheck` (this file runs nothing):
// a codec of the contract decodes to exactly its named type, and a codec whose shape drifts from the type
// it is declared against does not compile. Each `@ts-expect-error` below fails the typecheck if the
// drifted shape under it is ever accepted.
import * as z from 'zod/mini';
import * as contract from '../../src/contract/index.js';
import { type Equal, schemaOf, timestamp, wireModel } from '../../src/contract/index.js';

type Assert<T extends true> = T;

// A model to drift from: required, optional, nullable and enum fields, and a nested model.
type Colour = 'red' | 'green';
const Colour = schemaOf<Colour>()(z.enum(['red', 'green']));

interface Tag {
  name: string;
}
const Tag = wireModel<Tag>()({ name: z.string() });

interface Paint {
  id: string;
  colour: Colour;
  note?: string | undefined;
  tag: Tag | null;
  createdAt: Date;
}

// The shape that matches: accepted, and its codec decodes to `Paint` itself.
export const Paint = wireModel<Paint>()({
  id: z.string(),
  colour: Colour,
  note: z.optional(z.string()),
  tag: z.nullable(Tag),
  createdAt: timestamp,
});
export type PaintDecodesToPaint = Assert<Equal<z.output<typeof Paint>, Paint>>;

export const drifted = [
  // @ts-expect-error an extra field
  wireModel<Paint>()({
    id: z.string(),
    colour: Colour,
    note: z.optional(z.string()),
    tag: z.nullable(Tag),
    createdAt: timestamp,
    extra: z.string(),
  }),
  // @ts-expect-error an extra optional field (mutual assignability would let it pass)
  wireModel<Paint>()({
    id: z.string(),
    colour: Colour,
    note: z.optional(z.string()),
    tag: z.nullable(Tag),
    createdAt: timestamp,
    extra: z.optional(z.string()),
  }),
  // @ts-expect-error a missing optional field (mutual assignability would let it pass)
  wireModel<Paint>()({ id: z.string(), colour: Colour, tag: z.nullable(Tag), createdAt: timestamp }),
  // @ts-expect-error a missing field
  wireModel<Paint>()({ id: z.string(), colour: Colour, note: z.optional(z.string()), tag: z.nullable(Tag) }),
  // @ts-expect-error a renamed field
  wireModel<Paint>()({
    id: z.string(),
    colour: Colour,
    note: z.optional(z.string()),
    tag: z.nullable(Tag),
    created: timestamp,
  }),
  // @ts-expect-error a required field where the model's is optional
  wireModel<Paint>()({
    id: z.string(),
    colour: Colour,
    note: z.string(),
    tag: z.nullable(Tag),
    createdAt: timestamp,
  }),
  // @ts-expect-error an optional field where the model's is required
  wireModel<Paint>()({
    id: z.optional(z.string()),
    colour: Colour,
    note: z.optional(z.string()),
    tag: z.nullable(Tag),
    createdAt: timestamp,
  }),
  // @ts-expect-error a non-nullable field where the model's is nullable
  wireModel<Paint>()({
    id: z.string(),
    colour: Colour,
    note: z.optional(z.string()),
    tag: Tag,
    createdAt: timestamp,
  }),
  // @ts-expect-error a nullable field where the model's is not
  wireModel<Paint>()({
    id: z.nullable(z.string()),
    colour: Colour,
    note: z.optional(z.string()),
    tag: z.nullable(Tag),
    createdAt: timestamp,
  }),
  // @ts-expect-error a field of another type (the wire string, not the `Date` the model has)
  wireModel<Paint>()({
    id: z.string(),
    colour: Colour,
    note: z.optional(z.string()),
    tag: z.nullable(Tag),
    createdAt: z.string(),
  }),
  // @ts-expect-error an enum of other members than the model's field
  wireModel<Paint>()({
    id: z.string(),
    colour: z.enum(['red', 'blue']),
    note: z.optional(z.string()),
    tag: z.nullable(Tag),
    createdAt: timestamp,
  }),
  // @ts-expect-error an enum with a wrong member
  schemaOf<Colour>()(z.enum(['red', 'blue'])),
  // @ts-expect-error an enum missing a member
  schemaOf<Colour>()(z.enum(['red'])),
  // @ts-expect-error an enum with a member too many
  schemaOf<Colour>()(z.enum(['red', 'green', 'blue'])),
  // @ts-expect-error a union missing one of its members
  schemaOf<contract.PrivacySubject>()(z.discriminatedUnion('type', [contract.RecipientSubject])),
];

// The same holds for the contract's own models.
export const driftedModels = [
  wireModel<contract.Device>()({ platform: z.string(), browser: z.string() }),
  // @ts-expect-error `Device` has no `os`
  wireModel<contract.Device>()({ platform: z.string(), browser: z.string(), os: z.string() }),
  // @ts-expect-error `MessageError.message` is not nullable
  wireModel<contract.MessageError>()({ code: z.string(), message: z.nullable(z.string()) }),
];

// A parameter codec built with `z.custom<T>()` has its `decode` checked against `T` by zod's own typing,
// which the contract's parameter codecs (`SendMessageParams`) rely on: this keeps that reliance honest.
export const driftedParams = z.codec(contract.SendMessageWire, z.custom<contract.SendMessageParams>(), {
  // @ts-expect-error the decoded parameters lack `to`
  decode: (wire) => ({ sessionId: wire.session_id, text: 'hello' }),
  encode: (params) => ({
    session_id: params.sessionId,
    to: params.to,
    type: 'text' as const,
    text: { body: params.text ?? '' },
  }),
});

type AllTrue<T extends true[]> = T;
type Decodes<Codec extends z.core.SomeType, T> = Equal<z.output<Codec>, T>;
type ListOf<Codec extends z.core.SomeType, Item> = Equal<z.output<Codec>, contract.ListEnvelope<Item>>;

// Every codec of the contract decodes to exactly the named type users read. For a `wireModel` or a
// `schemaOf` this holds by construction (the checks above are what refuse a drift); the list says which
// type each codec stands for, and holds the lists and the other codecs, which are not built that way.
export type EveryCodecDecodesToItsNamedType = AllTrue<
  [
    Decodes<typeof contract.Region, contract.Region>,
    Decodes<typeof contract.Account, contract.Account>,
    Decodes<typeof contract.UpdateAccountParams, contract.UpdateAccountParams>,
    Decodes<typeof contract.Scope, contract.Scope>,
    Decodes<typeof contract.ApiKey, contract.ApiKey>,
    Decodes<typeof contract.CreateApiKeyParams, contract.CreateApiKeyParams>,
    Decodes<typeof contract.ListApiKeysParams, contract.ListApiKeysParams>,
    Decodes<typeof contract.ErrorType, contract.ErrorType>,
    Decodes<typeof contract.ErrorBody, contract.ErrorBody>,
    Decodes<typeof contract.ErrorEnvelope, contract.ErrorEnvelope>,
    Decodes<typeof contract.EventEnvelope, contract.EventEnvelope>,
    Decodes<typeof contract.MessageLog, contract.MessageLog>,
    Decodes<typeof contract.ListLogsParams, contract.ListLogsParams>,
    Decodes<typeof contract.MessageStatus, contract.MessageStatus>,
    Decodes<typeof contract.MessageFailureCode, contract.MessageFailureCode>,
    Decodes<typeof contract.MessageError, contract.MessageError>,
    Decodes<typeof contract.Metadata, contract.Metadata>,
    Decodes<typeof contract.Message, contract.Message>,
    Decodes<typeof contract.MediaContent, contract.MediaContent>,
    Decodes<typeof contract.SendMessageParams, contract.SendMessageParams>,
    Decodes<typeof contract.PrivacyExport, contract.PrivacyExport>,
    Decodes<typeof contract.RecordCounts, contract.RecordCounts>,
    Decodes<typeof contract.AccessResult, contract.AccessResult>,
    Decodes<typeof contract.ExportResult, contract.ExportResult>,
    Decodes<typeof contract.RectificationResult, contract.RectificationResult>,
    Decodes<typeof contract.ErasureResult, contract.ErasureResult>,
    Decodes<typeof contract.RestrictionResult, contract.RestrictionResult>,
    Decodes<typeof contract.ObjectionResult, contract.ObjectionResult>,
    Decodes<typeof contract.PrivacyRequestType, contract.PrivacyRequestType>,
    Decodes<typeof contract.PrivacyRequestStatus, contract.PrivacyRequestStatus>,
    Decodes<typeof contract.RecipientSubject, contract.RecipientSubject>,
    Decodes<typeof contract.AccountSubject, contract.AccountSubject>,
    Decodes<typeof contract.PrivacySubject, contract.PrivacySubject>,
    Decodes<typeof contract.PrivacySubjectParams, contract.PrivacySubjectParams>,
    Decodes<typeof contract.AccountChanges, contract.AccountChanges>,
    Decodes<typeof contract.AccessPrivacyRequest, contract.AccessPrivacyRequest>,
    Decodes<typeof contract.ExportPrivacyRequest, contract.ExportPrivacyRequest>,
    Decodes<typeof contract.RectificationPrivacyRequest, contract.RectificationPrivacyRequest>,
    Decodes<typeof contract.ErasurePrivacyRequest, contract.ErasurePrivacyRequest>,
    Decodes<typeof contract.RestrictionPrivacyRequest, contract.RestrictionPrivacyRequest>,
    Decodes<typeof contract.ObjectionPrivacyRequest, contract.ObjectionPrivacyRequest>,
    Decodes<typeof contract.PrivacyRequest, contract.PrivacyRequest>,
    Decodes<typeof contract.CreatePrivacyRequestParams, contract.CreatePrivacyRequestParams>,
    Decodes<typeof contract.ExtendPrivacyRequestParams, contract.ExtendPrivacyRequestParams>,
    Decodes<typeof contract.ListPrivacyRequestsParams, contract.ListPrivacyRequestsParams>,
    Decodes<typeof contract.SessionStatus, contract.SessionStatus>,
    Decodes<typeof contract.Device, contract.Device>,
    Decodes<typeof contract.Session, contract.Session>,
    Decodes<typeof contract.CreateSessionParams, contract.CreateSessionParams>,
    Decodes<typeof contract.ListSessionsParams, contract.ListSessionsParams>,
    Decodes<typeof contract.TicketStatus, contract.TicketStatus>,
    Decodes<typeof contract.TicketPriority, contract.TicketPriority>,
    Decodes<typeof contract.TicketMessage, contract.TicketMessage>,
    Decodes<typeof contract.Csat, contract.Csat>,
    Decodes<typeof contract.SupportTicket, contract.SupportTicket>,
    Decodes<typeof contract.CreateTicketParams, contract.CreateTicketParams>,
    Decodes<typeof contract.ReplyTicketParams, contract.ReplyTicketParams>,
    Decodes<typeof contract.RateTicketParams, contract.RateTicketParams>,
    Decodes<typeof contract.ListTicketsParams, contract.ListTicketsParams>,
    Decodes<typeof contract.EventType, contract.EventType>,
    Decodes<typeof contract.EndpointStatus, contract.EndpointStatus>,
    Decodes<typeof contract.WebhookEndpoint, contract.WebhookEndpoint>,
    Decodes<typeof contract.CreateWebhookEndpointParams, contract.CreateWebhookEndpointParams>,
    Decodes<typeof contract.UpdateWebhookEndpointParams, contract.UpdateWebhookEndpointParams>,
    Decodes<typeof contract.ListWebhookEndpointsParams, contract.ListWebhookEndpointsParams>,
    Decodes<typeof contract.DeliveryAttempt, contract.DeliveryAttempt>,
    Decodes<typeof contract.DeliveryStatus, contract.DeliveryStatus>,
    Decodes<typeof contract.WebhookDelivery, contract.WebhookDelivery>,
    Decodes<typeof contract.ListWebhookDeliveriesParams, contract.ListWebhookDeliveriesParams>,
  ]
>;

// Each list decodes to the envelope of its named item (`listOf` is generic, so it is checked here).
export type EveryListDecodesToAnEnvelopeOfItsItem = AllTrue<
  [
    ListOf<typeof contract.ApiKeyList, contract.ApiKey>,
    ListOf<typeof contract.MessageLogList, contract.MessageLog>,
    ListOf<typeof contract.PrivacyRequestList, contract.PrivacyRequest>,
    ListOf<typeof contract.SessionList, contract.Session>,
    ListOf<typeof contract.SupportTicketList, contract.SupportTicket>,
    ListOf<typeof contract.WebhookEndpointList, contract.WebhookEndpoint>,
    ListOf<typeof contract.WebhookDeliveryList, contract.WebhookDelivery>,
  ]
>;

// The events: one per type the service sends, each with the `data` its schema decodes to.
export type EveryEventTypeHasItsEvent = AllTrue<
  [
    Equal<contract.KnownWebhookEvent['type'], contract.EventType>,
    Equal<keyof typeof contract.EVENT_DATA, contract.EventType>,
    Decodes<
      (typeof contract.EVENT_DATA)['message.read'],
      Extract<contract.KnownWebhookEvent, { type: 'message.read' }>['data']
    >,
    Decodes<
      (typeof contract.EVENT_DATA)['session.connected'],
      Extract<contract.KnownWebhookEvent, { type: 'session.connected' }>['data']
    >,
    Decodes<
      (typeof contract.EVENT_DATA)['privacy_request.updated'],
      Extract<contract.KnownWebhookEvent, { type: 'privacy_request.updated' }>['data']
    >,
  ]
>;
