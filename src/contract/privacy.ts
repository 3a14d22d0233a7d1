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

/**
 * The six rights a request can serve.
 * @internal
 */
export const PrivacyRequestType = z.enum([
  'access',
  'export',
  'rectification',
  'erasure',
  'restriction',
  'objection',
]);
/**
 * The six rights a request can serve.
 * @useDeclaredType
 */
export type PrivacyRequestType = z.output<typeof PrivacyRequestType>;

/**
 * Where a request is. `lifted` ends a completed restriction or objection.
 * @internal
 */
export const PrivacyRequestStatus = z.enum([
  'received',
  'processing',
  'completed',
  'rejected',
  'cancelled',
  'lifted',
]);
/**
 * Where a request is. `lifted` ends a completed restriction or objection.
 * @useDeclaredType
 */
export type PrivacyRequestStatus = z.output<typeof PrivacyRequestStatus>;

/**
 * Whom a request is about: a person the business messages (by number; once an erasure of that number has
 * completed, only the SHA-256 of the number is kept), or the business's own account.
 * @internal
 */
export const PrivacySubject = z.discriminatedUnion('type', [
  wireModel({
    /** A person the business messages. */
    type: z.literal('recipient'),
    /** Their number, masked; absent after an erasure. */
    phoneNumber: z.optional(phoneNumber),
    /** The number's SHA-256 (hex), kept after an erasure. */
    phoneNumberSha256: z.optional(
      z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 in 64 lowercase hex digits' })),
    ),
  }),
  wireModel({
    /** The business's own account. */
    type: z.literal('account'),
  }),
]);
/**
 * Whom a request is about: a person the business messages (by number; once an erasure of that number has
 * completed, only the SHA-256 of the number is kept), or the business's own account.
 * @useDeclaredType
 */
export type PrivacySubject = z.output<typeof PrivacySubject>;

/**
 * The subject of a new request: a recipient's number, or the account.
 * @internal
 */
export const PrivacySubjectParams = z.discriminatedUnion('type', [
  wireModel(
    {
      /** A person the business messages. */
      type: z.literal('recipient'),
      /** Their number, in E.164 (`+447700900123`). */
      phoneNumber: e164,
    },
    { strict: true },
  ),
  wireModel(
    {
      /** The business's own account. */
      type: z.literal('account'),
    },
    { strict: true },
  ),
]);
/**
 * The subject of a new request: a recipient's number, or the account.
 * @useDeclaredType
 */
export type PrivacySubjectParams = z.output<typeof PrivacySubjectParams>;

const RecordCounts = wireModel({
  /** Message logs. */
  logs: z.int(),
  /** Messages. */
  messages: z.int(),
  /** Webhook deliveries. */
  webhookDeliveries: z.int(),
});

/** What each type of request gives once completed. */
export const AccessResult = wireModel({
  /** The categories of data held. */
  categories: z.array(z.string()),
  /** The records held. */
  counts: RecordCounts,
  /** The oldest record's time, or `null`. */
  oldestRecordAt: z.nullable(timestamp),
});
export const ExportResult = wireModel({
  /** Read it with `downloadExport`. */
  downloadUrl: z.string(),
  /** Always `json`. */
  format: z.literal('json'),
  /** Its size in bytes. */
  sizeBytes: z.int(),
  /** When the URL expires. */
  expiresAt: timestamp,
});
export const RectificationResult = wireModel({
  /** The fields changed (wire names). */
  updatedFields: z.array(z.string()),
});
export const ErasureResult = wireModel({
  /** The records erased. */
  erased: RecordCounts,
});
export const RestrictionResult = wireModel({
  /** Since when restricted. */
  restrictedSince: timestamp,
});
export const ObjectionResult = wireModel({
  /** Since when objected. */
  objectedSince: timestamp,
});

const RESULTS = {
  access: AccessResult,
  export: ExportResult,
  rectification: RectificationResult,
  erasure: ErasureResult,
  restriction: RestrictionResult,
  objection: ObjectionResult,
} as const;

/**
 * The changes a rectification of the account applies.
 * @internal
 */
export const AccountChanges = wireModel(
  {
    /** The corrected name. */
    name: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    /** The corrected email. */
    email: z.optional(z.email()),
  },
  { strict: true },
);
/**
 * The changes a rectification of the account applies.
 * @interface
 */
export type AccountChanges = z.output<typeof AccountChanges>;

function requestOf<T extends PrivacyRequestType>(type: T) {
  return wireModel({
    /** The request's id, `prq_…`. */
    id: idOf('privacyRequest'),
    /** Always `privacy_request`. */
    object: z.literal('privacy_request'),
    /** The right it serves. */
    type: z.literal(type),
    /** Whom it is about. */
    subject: PrivacySubject,
    /** Its status. */
    status: PrivacyRequestStatus,
    /** Your note, or `null`. */
    note: z.optional(z.nullable(z.string())),
    /** An account rectification's changes, or `null`. */
    changes: z.optional(z.nullable(AccountChanges)),
    /** The deadline. */
    dueAt: timestamp,
    /** Whether `dueAt` was extended. */
    extended: z.boolean(),
    /** When filed. */
    createdAt: timestamp,
    /** Last changed. */
    updatedAt: timestamp,
    /** When completed, or `null`. */
    completedAt: z.nullable(timestamp),
    /** The result for its `type` once `completed`, else `null`. */
    result: z.nullable(RESULTS[type]),
    /** Why it was rejected, or `null`. */
    rejectionReason: z.nullable(z.string()),
  });
}

/**
 * A privacy request: a union discriminated on `type`, whose `result` is typed for that type.
 * @internal
 */
export const PrivacyRequest = z.discriminatedUnion('type', [
  requestOf('access'),
  requestOf('export'),
  requestOf('rectification'),
  requestOf('erasure'),
  requestOf('restriction'),
  requestOf('objection'),
]);
/**
 * A privacy request: a union discriminated on `type`, whose `result` is typed for that type.
 * @useDeclaredType
 */
export type PrivacyRequest = z.output<typeof PrivacyRequest>;

/** One page of privacy requests. */
export const PrivacyRequestList = listOf(PrivacyRequest);

/**
 * The body of `POST /v1/privacy_requests`. `changes` goes with a rectification of the account.
 * @internal
 */
export const CreatePrivacyRequestParams = wireModel(
  {
    /** The right to serve. */
    type: PrivacyRequestType,
    /** Whom it is about. */
    subject: PrivacySubjectParams,
    /** The changes, for a rectification of the account. */
    changes: z.optional(AccountChanges),
    /** A note of up to 1000 characters. */
    note: z.optional(z.string().check(z.maxLength(1000))),
  },
  { strict: true },
);
/**
 * The body of `POST /v1/privacy_requests`. `changes` goes with a rectification of the account.
 * @interface
 */
export type CreatePrivacyRequestParams = z.output<typeof CreatePrivacyRequestParams>;

/**
 * The body of `POST /v1/privacy_requests/{id}/extend`: why the request needs two more months.
 * @internal
 */
export const ExtendPrivacyRequestParams = wireModel(
  {
    /** Why it needs more time (1 to 1000 characters). */
    reason: z.string().check(z.minLength(1), z.maxLength(1000)),
  },
  { strict: true },
);
/**
 * The body of `POST /v1/privacy_requests/{id}/extend`: why the request needs two more months.
 * @interface
 */
export type ExtendPrivacyRequestParams = z.output<typeof ExtendPrivacyRequestParams>;

/**
 * The query of `GET /v1/privacy_requests`.
 * @internal
 */
export const ListPrivacyRequestsParams = wireModel(
  {
    ...listParams,
    /** Only requests of this type. */
    type: z.optional(PrivacyRequestType),
    /** Only requests with this status. */
    status: z.optional(PrivacyRequestStatus),
  },
  { strict: true },
);
/**
 * The query of `GET /v1/privacy_requests`.
 * @interface
 */
export type ListPrivacyRequestsParams = z.output<typeof ListPrivacyRequestsParams>;

/**
 * The archive a completed export builds: everything held about its subject. The account's own data is
 * there for an account subject; for a recipient, the logs, messages and webhook deliveries about them.
 * @internal
 */
export const PrivacyExport = wireModel({
  /** Always `privacy_export`. */
  object: z.literal('privacy_export'),
  /** The export request's id. */
  requestId: idOf('privacyRequest'),
  /** Whom the archive is about. */
  subject: PrivacySubject,
  /** When the archive was built. */
  generatedAt: timestamp,
  /** The account, for an account subject; else `null`. */
  account: z.nullable(Account),
  /** Logs about the subject. */
  logs: z.array(MessageLog),
  /** Messages about the subject. */
  messages: z.array(Message),
  /** Deliveries about the subject. */
  webhookDeliveries: z.array(WebhookDelivery),
});
/**
 * The archive a completed export builds: everything held about its subject. The account's own data is
 * there for an account subject; for a recipient, the logs, messages and webhook deliveries about them.
 * @interface
 */
export type PrivacyExport = z.output<typeof PrivacyExport>;
