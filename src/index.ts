// The `aulm` entry point: the client, its errors, its models and the types of its options.
/**
 * The aulm client: `new Aulm({ apiKey })`, its resources, errors and models, and webhook verification.
 *
 * @module aulm
 */
import { Aulm } from './client.js';

export type {
  KnownWebhookEvent,
  MessageWebhookEvent,
  PrivacyRequestWebhookEvent,
  SessionWebhookEvent,
  UnknownWebhookEvent,
  WebhookEvent,
} from './contract/events.js';
export type {
  AccessPrivacyRequest,
  AccessResult,
  Account,
  AccountChanges,
  AccountSubject,
  AccountSubjectParams,
  ApiKey,
  CreateApiKeyParams,
  CreatePrivacyRequestParams,
  CreateSessionParams,
  CreateTicketParams,
  CreateWebhookEndpointParams,
  Csat,
  DeliveryAttempt,
  DeliveryStatus,
  Device,
  EndpointStatus,
  ErasurePrivacyRequest,
  ErasureResult,
  ErrorType,
  ExportPrivacyRequest,
  ExportResult,
  ExtendPrivacyRequestParams,
  ListApiKeysParams,
  ListLogsParams,
  ListParams,
  ListPrivacyRequestsParams,
  ListSessionsParams,
  ListTicketsParams,
  ListWebhookDeliveriesParams,
  ListWebhookEndpointsParams,
  MediaContent,
  Message,
  MessageError,
  MessageFailureCode,
  MessageLog,
  MessageStatus,
  MessageType,
  Metadata,
  ObjectionPrivacyRequest,
  ObjectionResult,
  PrivacyExport,
  PrivacyRequest,
  PrivacyRequestFields,
  PrivacyRequestStatus,
  PrivacyRequestType,
  PrivacySubject,
  PrivacySubjectParams,
  RateTicketParams,
  RecipientSubject,
  RecipientSubjectParams,
  RecordCounts,
  RectificationPrivacyRequest,
  RectificationResult,
  Region,
  ReplyTicketParams,
  RestrictionPrivacyRequest,
  RestrictionResult,
  Scope,
  SendMediaMessageParams,
  SendMessageParams,
  SendTextMessageParams,
  Session,
  SessionStatus,
  SupportTicket,
  TicketAuthor,
  TicketMessage,
  TicketPriority,
  TicketStatus,
  UpdateAccountParams,
  UpdateWebhookEndpointParams,
  WebhookDelivery,
  WebhookEndpoint,
} from './contract/index.js';
export { MaskedValue, PhoneNumber, Redacted, Secret } from './contract/index.js';
export type { EventType } from './contract/webhooks.js';
export { APIPromise, type APIResponse, type RawResponse } from './core/api-promise.js';
export type { RateLimit } from './core/decode.js';
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  type APIErrorFields,
  APIUserAbortError,
  AulmError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  UnprocessableEntityError,
  WaitTimeoutError,
  WebhookVerificationError,
  type WebhookVerificationReason,
} from './core/errors.js';
export type { Logger, LogLevel } from './core/logger.js';
export type { ClientOptions, ExtraHeaders } from './core/options.js';
export { Page, PagePromise } from './core/pagination.js';
export type { RequestOptions } from './core/pipeline.js';
export type { WaitOptions } from './core/polling.js';
export type { RegionOption } from './core/region.js';
export type { AccountResource } from './resources/account.js';
export type { LogsResource } from './resources/logs.js';
export type { AwaitedMessageStatus, MessagesResource, WaitForMessageOptions } from './resources/messages.js';
export type { SessionsResource } from './resources/sessions.js';
export type { Fetch } from './transport/transport.js';
export {
  type SignedWebhookHeaders,
  type SignWebhookOptions,
  signWebhook,
  type VerifyWebhookOptions,
  verifyWebhook,
  verifyWebhookSignature,
  type WebhookRawBody,
  type WebhookRequestHeaders,
} from './webhooks/index.js';
export { Aulm };

/** The client, as the default export: `import Aulm from 'aulm'`. */
export default Aulm;
export type { ApiKeysResource } from './resources/api-keys.js';
export type {
  AwaitedPrivacyRequestStatus,
  PrivacyRequestOf,
  PrivacyRequestsResource,
  PrivacyResource,
  WaitForPrivacyRequestOptions,
} from './resources/privacy.js';
export type { SupportResource, SupportTicketsResource } from './resources/support.js';
export type {
  WebhookDeliveriesResource,
  WebhookEndpointsResource,
  WebhooksResource,
} from './resources/webhooks.js';
