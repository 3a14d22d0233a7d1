// What each type of privacy request gives once completed: its `result`.
import * as z from 'zod/mini';
import { timestamp, wireModel } from './codec.js';

/** How many records of each kind: in an access result, what is held; in an erasure result, what went. */
export interface RecordCounts {
  /** Message logs. */
  logs: number;
  /** Messages. */
  messages: number;
  /** Webhook deliveries. */
  webhookDeliveries: number;
}
/**
 * How many records of each kind.
 * @internal
 */
export const RecordCounts = wireModel<RecordCounts>()({
  logs: z.int(),
  messages: z.int(),
  webhookDeliveries: z.int(),
});

/** What a completed access request gives: what is held about its subject. */
export interface AccessResult {
  /** The categories of data held. */
  categories: string[];
  /** The records held. */
  counts: RecordCounts;
  /** The oldest record's time, or `null`. */
  oldestRecordAt: Date | null;
}
/**
 * What a completed access request gives.
 * @internal
 */
export const AccessResult = wireModel<AccessResult>()({
  categories: z.array(z.string()),
  counts: RecordCounts,
  oldestRecordAt: z.nullable(timestamp),
});

/** What a completed export request gives: where to download the archive, until when. */
export interface ExportResult {
  /** Read it with `downloadExport`. */
  downloadUrl: string;
  /** Always `json`. */
  format: 'json';
  /** Its size in bytes. */
  sizeBytes: number;
  /** When the URL expires. */
  expiresAt: Date;
}
/**
 * What a completed export request gives.
 * @internal
 */
export const ExportResult = wireModel<ExportResult>()({
  downloadUrl: z.string(),
  format: z.literal('json'),
  sizeBytes: z.int(),
  expiresAt: timestamp,
});

/** What a completed rectification gives: the fields it changed. */
export interface RectificationResult {
  /** The fields changed (wire names). */
  updatedFields: string[];
}
/**
 * What a completed rectification gives.
 * @internal
 */
export const RectificationResult = wireModel<RectificationResult>()({
  updatedFields: z.array(z.string()),
});

/** What a completed erasure gives: the records it erased. */
export interface ErasureResult {
  /** The records erased. */
  erased: RecordCounts;
}
/**
 * What a completed erasure gives.
 * @internal
 */
export const ErasureResult = wireModel<ErasureResult>()({ erased: RecordCounts });

/** What a completed restriction gives: since when sends to the number are held back. */
export interface RestrictionResult {
  /** Since when restricted. */
  restrictedSince: Date;
}
/**
 * What a completed restriction gives.
 * @internal
 */
export const RestrictionResult = wireModel<RestrictionResult>()({ restrictedSince: timestamp });

/** What a completed objection gives: since when the subject has objected. */
export interface ObjectionResult {
  /** Since when objected. */
  objectedSince: Date;
}
/**
 * What a completed objection gives.
 * @internal
 */
export const ObjectionResult = wireModel<ObjectionResult>()({ objectedSince: timestamp });
