// Privacy requests: the rights of the people a business messages (and of the business itself), filed
// through the API, with a result per type once completed, and the archive an export builds.
import * as z from 'zod/mini';
import { Account } from './account.js';
import { timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { listOf, listParams } from './list.js';
import { MessageLog } from './logs.js';
import { Message } from './messages.js';
import { e164, phoneNumber } from './personal.js';
import { WebhookDelivery } from './webhooks.js';

/** The six rights a request can serve. */
export const PrivacyRequestType = z.enum([
  'access',
  'export',
  'rectification',
  'erasure',
  'restriction',
  'objection',
]);
export type PrivacyRequestType = z.output<typeof PrivacyRequestType>;

/** Where a request is. `lifted` ends a completed restriction or objection. */
export const PrivacyRequestStatus = z.enum([
  'received',
  'processing',
  'completed',
  'rejected',
  'cancelled',
  'lifted',
]);
export type PrivacyRequestStatus = z.output<typeof PrivacyRequestStatus>;

/**
 * Whom a request is about: a person the business messages (by number; once an erasure of that number has
 * completed, only the SHA-256 of the number is kept), or the business's own account.
 */
export const PrivacySubject = z.discriminatedUnion('type', [
  wireModel({
    type: z.literal('recipient'),
    phoneNumber: z.optional(phoneNumber),
    phoneNumberSha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  }),
  wireModel({ type: z.literal('account') }),
]);
export type PrivacySubject = z.output<typeof PrivacySubject>;

/** The subject of a new request: a recipient's number, or the account. */
export const PrivacySubjectParams = z.discriminatedUnion('type', [
  wireModel({ type: z.literal('recipient'), phoneNumber: e164 }, { strict: true }),
  wireModel({ type: z.literal('account') }, { strict: true }),
]);
export type PrivacySubjectParams = z.output<typeof PrivacySubjectParams>;

const RecordCounts = wireModel({ logs: z.int(), messages: z.int(), webhookDeliveries: z.int() });

/** What each type of request gives once completed. */
export const AccessResult = wireModel({
  categories: z.array(z.string()),
  counts: RecordCounts,
  oldestRecordAt: z.nullable(timestamp),
});
export const ExportResult = wireModel({
  downloadUrl: z.string(),
  format: z.literal('json'),
  sizeBytes: z.int(),
  expiresAt: timestamp,
});
export const RectificationResult = wireModel({ updatedFields: z.array(z.string()) });
export const ErasureResult = wireModel({ erased: RecordCounts });
export const RestrictionResult = wireModel({ restrictedSince: timestamp });
export const ObjectionResult = wireModel({ objectedSince: timestamp });

const RESULTS = {
  access: AccessResult,
  export: ExportResult,
  rectification: RectificationResult,
  erasure: ErasureResult,
  restriction: RestrictionResult,
  objection: ObjectionResult,
} as const;

/** The changes a rectification of the account applies. */
export const AccountChanges = wireModel(
  {
    name: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    email: z.optional(z.email()),
  },
  { strict: true },
);
export type AccountChanges = z.output<typeof AccountChanges>;

function requestOf<T extends PrivacyRequestType>(type: T) {
  return wireModel({
    id: idOf('privacyRequest'),
    object: z.literal('privacy_request'),
    type: z.literal(type),
    subject: PrivacySubject,
    status: PrivacyRequestStatus,
    note: z.optional(z.nullable(z.string())),
    changes: z.optional(z.nullable(AccountChanges)),
    dueAt: timestamp,
    extended: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
    completedAt: z.nullable(timestamp),
    result: z.nullable(RESULTS[type]),
    rejectionReason: z.nullable(z.string()),
  });
}

/** A privacy request: a union discriminated on `type`, whose `result` is typed for that type. */
export const PrivacyRequest = z.discriminatedUnion('type', [
  requestOf('access'),
  requestOf('export'),
  requestOf('rectification'),
  requestOf('erasure'),
  requestOf('restriction'),
  requestOf('objection'),
]);
export type PrivacyRequest = z.output<typeof PrivacyRequest>;

/** One page of privacy requests. */
export const PrivacyRequestList = listOf(PrivacyRequest);

/** The body of `POST /v1/privacy_requests`. `changes` goes with a rectification of the account. */
export const CreatePrivacyRequestParams = wireModel(
  {
    type: PrivacyRequestType,
    subject: PrivacySubjectParams,
    changes: z.optional(AccountChanges),
    note: z.optional(z.string().check(z.maxLength(1000))),
  },
  { strict: true },
);
export type CreatePrivacyRequestParams = z.output<typeof CreatePrivacyRequestParams>;

/** The body of `POST /v1/privacy_requests/{id}/extend`: why the request needs two more months. */
export const ExtendPrivacyRequestParams = wireModel(
  { reason: z.string().check(z.minLength(1), z.maxLength(1000)) },
  { strict: true },
);
export type ExtendPrivacyRequestParams = z.output<typeof ExtendPrivacyRequestParams>;

/** The query of `GET /v1/privacy_requests`. */
export const ListPrivacyRequestsParams = wireModel(
  { ...listParams, type: z.optional(PrivacyRequestType), status: z.optional(PrivacyRequestStatus) },
  { strict: true },
);
export type ListPrivacyRequestsParams = z.output<typeof ListPrivacyRequestsParams>;

/**
 * The archive a completed export builds: everything held about its subject. The account's own data is
 * there for an account subject; for a recipient, the logs, messages and webhook deliveries about them.
 */
export const PrivacyExport = wireModel({
  object: z.literal('privacy_export'),
  requestId: idOf('privacyRequest'),
  subject: PrivacySubject,
  generatedAt: timestamp,
  account: z.nullable(Account),
  logs: z.array(MessageLog),
  messages: z.array(Message),
  webhookDeliveries: z.array(WebhookDelivery),
});
export type PrivacyExport = z.output<typeof PrivacyExport>;
