// The `aulm/webhooks` entry point: webhook verification and test signing, without the client. It stays
// small and runs everywhere (Node, browsers, Deno, Bun, edge workers): no client, no undici, no `node:`.
/**
 * Webhook verification (`verifyWebhook`) and test signing (`signWebhook`) without the client: small,
 * and it runs in Node, browsers, Deno, Bun and edge workers.
 *
 * @module aulm/webhooks
 */
export type {
  EventType,
  KnownWebhookEvent,
  Message,
  MessageWebhookEvent,
  PrivacyRequest,
  PrivacyRequestWebhookEvent,
  Session,
  SessionWebhookEvent,
  UnknownWebhookEvent,
  WebhookEvent,
} from '../contract/index.js';
export { MaskedValue, PhoneNumber, Redacted } from '../contract/masked.js';
export { AulmError, WebhookVerificationError, type WebhookVerificationReason } from '../core/errors.js';
export type { WebhookHeaderName, WebhookRawBody, WebhookRequestHeaders } from './delivery.js';
export type { WebhookSecretInput } from './secret.js';
export { type SignedWebhookHeaders, type SignWebhookOptions, signWebhook } from './sign.js';
export { type VerifyWebhookOptions, verifyWebhook, verifyWebhookSignature } from './verify.js';
