// Privacy requests: the rights of the people a business messages (and of the business itself), filed
// through the API, with a result per type once completed (privacy-results.ts); the archive an export
// builds is in privacy-export.ts.
import * as z from 'zod/mini';
import { schemaOf, timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { type ListParams, listOf, listParams } from './list.js';
import { e164, type PhoneNumber, phoneNumber } from './personal.js';
import {
  AccessResult,
  ErasureResult,
  ExportResult,
  ObjectionResult,
  RectificationResult,
  RestrictionResult,
} from './privacy-results.js';

/** The six rights a request can serve. */
export type PrivacyRequestType =
  | 'access'
  | 'export'
  | 'rectification'
  | 'erasure'
  | 'restriction'
  | 'objection';
/**
 * The six rights a request can serve.
 * @internal
 */
export const PrivacyRequestType = schemaOf<PrivacyRequestType>()(
  z.enum(['access', 'export', 'rectification', 'erasure', 'restriction', 'objection']),
);

/** Where a request is. `lifted` ends a completed restriction or objection. */
export type PrivacyRequestStatus =
  | 'received'
  | 'processing'
  | 'completed'
  | 'rejected'
  | 'cancelled'
  | 'lifted';
/**
 * Where a request is. `lifted` ends a completed restriction or objection.
 * @internal
 */
export const PrivacyRequestStatus = schemaOf<PrivacyRequestStatus>()(
  z.enum(['received', 'processing', 'completed', 'rejected', 'cancelled', 'lifted']),
);

/**
 * A person the business messages, as the subject of a request: by number, or, once an erasure of that
 * number has completed, by the SHA-256 of the number alone.
 */
export interface RecipientSubject {
  /** A person the business messages. */
  type: 'recipient';
  /** Their number, masked; absent after an erasure. */
  phoneNumber?: PhoneNumber | undefined;
  /** The number's SHA-256 (hex), kept after an erasure. */
  phoneNumberSha256?: string | undefined;
}
/**
 * A person the business messages, as the subject of a request.
 * @internal
 */
export const RecipientSubject = wireModel<RecipientSubject>()({
  type: z.literal('recipient'),
  phoneNumber: z.optional(phoneNumber),
  phoneNumberSha256: z.optional(
    z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 in 64 lowercase hex digits' })),
  ),
});

/** The business's own account, as the subject of a request. */
export interface AccountSubject {
  /** The business's own account. */
  type: 'account';
}
/**
 * The business's own account, as the subject of a request.
 * @internal
 */
export const AccountSubject = wireModel<AccountSubject>()({ type: z.literal('account') });

/** Whom a request is about: a person the business messages, or the business's own account. */
export type PrivacySubject = RecipientSubject | AccountSubject;
/**
 * Whom a request is about: a person the business messages, or the business's own account.
 * @internal
 */
export const PrivacySubject = schemaOf<PrivacySubject>()(
  z.discriminatedUnion('type', [RecipientSubject, AccountSubject]),
);

/** A recipient as the subject of a new request: their number. */
export interface RecipientSubjectParams {
  /** A person the business messages. */
  type: 'recipient';
  /** Their number, in E.164 (`+447700900123`). */
  phoneNumber: string;
}

/** The account as the subject of a new request. */
export interface AccountSubjectParams {
  /** The business's own account. */
  type: 'account';
}

/** The subject of a new request: a recipient's number, or the account. */
export type PrivacySubjectParams = RecipientSubjectParams | AccountSubjectParams;
/**
 * The subject of a new request: a recipient's number, or the account.
 * @internal
 */
export const PrivacySubjectParams = schemaOf<PrivacySubjectParams>()(
  z.discriminatedUnion('type', [
    wireModel<RecipientSubjectParams>()(
      { type: z.literal('recipient'), phoneNumber: e164 },
      { strict: true },
    ),
    wireModel<AccountSubjectParams>()({ type: z.literal('account') }, { strict: true }),
  ]),
);

/** The changes a rectification of the account applies. */
export interface AccountChanges {
  /** The corrected name. */
  name?: string | undefined;
  /** The corrected email. */
  email?: string | undefined;
}
/**
 * The changes a rectification of the account applies.
 * @internal
 */
export const AccountChanges = wireModel<AccountChanges>()(
  {
    name: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    email: z.optional(z.email()),
  },
  { strict: true },
);

/** What every privacy request has, whatever its type; each type adds its `type` and its `result`. */
export interface PrivacyRequestFields {
  /** The request's id, `prq_…`. */
  id: string;
  /** Always `privacy_request`. */
  object: 'privacy_request';
  /** Whom it is about. */
  subject: PrivacySubject;
  /** Its status. */
  status: PrivacyRequestStatus;
  /** Your note, or `null`. */
  note?: string | null | undefined;
  /** An account rectification's changes, or `null`. */
  changes?: AccountChanges | null | undefined;
  /** The deadline. */
  dueAt: Date;
  /** Whether `dueAt` was extended. */
  extended: boolean;
  /** When filed. */
  createdAt: Date;
  /** Last changed. */
  updatedAt: Date;
  /** When completed, or `null`. */
  completedAt: Date | null;
  /** Why it was rejected, or `null`. */
  rejectionReason: string | null;
}

// The shape of a request of one type: `PrivacyRequestFields` with its `type` and its `result`, in the
// order the wire has always carried them.
function requestShape<const T extends PrivacyRequestType, R extends z.core.SomeType>(type: T, result: R) {
  return {
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
    result: z.nullable(result),
    rejectionReason: z.nullable(z.string()),
  };
}

/** A request for access: what is held about its subject. */
export interface AccessPrivacyRequest extends PrivacyRequestFields {
  /** The right it serves. */
  type: 'access';
  /** What is held, once `completed`; else `null`. */
  result: AccessResult | null;
}
/**
 * A request for access.
 * @internal
 */
export const AccessPrivacyRequest = wireModel<AccessPrivacyRequest>()(requestShape('access', AccessResult));

/** A request for an export: an archive of everything held about its subject. */
export interface ExportPrivacyRequest extends PrivacyRequestFields {
  /** The right it serves. */
  type: 'export';
  /** Where to download the archive, once `completed`; else `null`. */
  result: ExportResult | null;
}
/**
 * A request for an export.
 * @internal
 */
export const ExportPrivacyRequest = wireModel<ExportPrivacyRequest>()(requestShape('export', ExportResult));

/** A request for rectification: the account's data corrected (`changes`). */
export interface RectificationPrivacyRequest extends PrivacyRequestFields {
  /** The right it serves. */
  type: 'rectification';
  /** The fields changed, once `completed`; else `null`. */
  result: RectificationResult | null;
}
/**
 * A request for rectification.
 * @internal
 */
export const RectificationPrivacyRequest = wireModel<RectificationPrivacyRequest>()(
  requestShape('rectification', RectificationResult),
);

/** A request for erasure: every record about its subject deleted. */
export interface ErasurePrivacyRequest extends PrivacyRequestFields {
  /** The right it serves. */
  type: 'erasure';
  /** The records erased, once `completed`; else `null`. */
  result: ErasureResult | null;
}
/**
 * A request for erasure.
 * @internal
 */
export const ErasurePrivacyRequest = wireModel<ErasurePrivacyRequest>()(
  requestShape('erasure', ErasureResult),
);

/** A request for restriction: sends to its subject held back until it is lifted. */
export interface RestrictionPrivacyRequest extends PrivacyRequestFields {
  /** The right it serves. */
  type: 'restriction';
  /** Since when restricted, once `completed`; else `null`. */
  result: RestrictionResult | null;
}
/**
 * A request for restriction.
 * @internal
 */
export const RestrictionPrivacyRequest = wireModel<RestrictionPrivacyRequest>()(
  requestShape('restriction', RestrictionResult),
);

/** An objection: its subject objects to being messaged, until it is lifted. */
export interface ObjectionPrivacyRequest extends PrivacyRequestFields {
  /** The right it serves. */
  type: 'objection';
  /** Since when objected, once `completed`; else `null`. */
  result: ObjectionResult | null;
}
/**
 * An objection.
 * @internal
 */
export const ObjectionPrivacyRequest = wireModel<ObjectionPrivacyRequest>()(
  requestShape('objection', ObjectionResult),
);

/**
 * A privacy request: a union discriminated on `type`, whose `result` is typed for that type.
 *
 * @example
 * ```ts
 * const request = await aulm.privacy.requests.get('prq_123');
 * if (request.type === 'erasure' && request.result) console.log(request.result.erased.logs);
 * ```
 */
export type PrivacyRequest =
  | AccessPrivacyRequest
  | ExportPrivacyRequest
  | RectificationPrivacyRequest
  | ErasurePrivacyRequest
  | RestrictionPrivacyRequest
  | ObjectionPrivacyRequest;
/**
 * A privacy request: a union discriminated on `type`, whose `result` is typed for that type.
 * @internal
 */
export const PrivacyRequest = schemaOf<PrivacyRequest>()(
  z.discriminatedUnion('type', [
    AccessPrivacyRequest,
    ExportPrivacyRequest,
    RectificationPrivacyRequest,
    ErasurePrivacyRequest,
    RestrictionPrivacyRequest,
    ObjectionPrivacyRequest,
  ]),
);

/** One page of privacy requests. */
export const PrivacyRequestList = listOf(PrivacyRequest);

/**
 * The body of `POST /v1/privacy_requests`. `changes` goes with a rectification of the account.
 *
 * @example
 * ```ts
 * await aulm.privacy.requests.create({ type: 'erasure', subject: { type: 'recipient', phoneNumber: '+447700900123' } });
 * await aulm.privacy.requests.create({ type: 'rectification', subject: { type: 'account' }, changes: { name: 'Acme' } });
 * ```
 */
export interface CreatePrivacyRequestParams {
  /** The right to serve. */
  type: PrivacyRequestType;
  /** Whom it is about. */
  subject: PrivacySubjectParams;
  /** The changes, for a rectification of the account. */
  changes?: AccountChanges | undefined;
  /** A note of up to 1000 characters. */
  note?: string | undefined;
}
/**
 * The body of `POST /v1/privacy_requests`. `changes` goes with a rectification of the account.
 * @internal
 */
export const CreatePrivacyRequestParams = wireModel<CreatePrivacyRequestParams>()(
  {
    type: PrivacyRequestType,
    subject: PrivacySubjectParams,
    changes: z.optional(AccountChanges),
    note: z.optional(z.string().check(z.maxLength(1000))),
  },
  { strict: true },
);

/** The body of `POST /v1/privacy_requests/{id}/extend`: why the request needs two more months. */
export interface ExtendPrivacyRequestParams {
  /** Why it needs more time (1 to 1000 characters). */
  reason: string;
}
/**
 * The body of `POST /v1/privacy_requests/{id}/extend`: why the request needs two more months.
 * @internal
 */
export const ExtendPrivacyRequestParams = wireModel<ExtendPrivacyRequestParams>()(
  { reason: z.string().check(z.minLength(1), z.maxLength(1000)) },
  { strict: true },
);

/** The query of `GET /v1/privacy_requests`. */
export interface ListPrivacyRequestsParams extends ListParams {
  /** Only requests of this type. */
  type?: PrivacyRequestType | undefined;
  /** Only requests with this status. */
  status?: PrivacyRequestStatus | undefined;
}
/**
 * The query of `GET /v1/privacy_requests`.
 * @internal
 */
export const ListPrivacyRequestsParams = wireModel<ListPrivacyRequestsParams>()(
  { ...listParams, type: z.optional(PrivacyRequestType), status: z.optional(PrivacyRequestStatus) },
  { strict: true },
);
