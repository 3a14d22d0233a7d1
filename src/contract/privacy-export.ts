// The archive a completed privacy export builds: everything held about its subject, in the SDK's own models.
import * as z from 'zod/mini';
import { Account } from './account.js';
import { timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { MessageLog } from './logs.js';
import { Message } from './messages.js';
import { PrivacySubject } from './privacy.js';
import { WebhookDelivery } from './webhooks.js';

/**
 * The archive a completed export builds: everything held about its subject. The account's own data is
 * there for an account subject; for a recipient, the logs, messages and webhook deliveries about them.
 */
export interface PrivacyExport {
  /** Always `privacy_export`. */
  object: 'privacy_export';
  /** The export request's id. */
  requestId: string;
  /** Whom the archive is about. */
  subject: PrivacySubject;
  /** When the archive was built. */
  generatedAt: Date;
  /** The account, for an account subject; else `null`. */
  account: Account | null;
  /** Logs about the subject. */
  logs: MessageLog[];
  /** Messages about the subject. */
  messages: Message[];
  /** Deliveries about the subject. */
  webhookDeliveries: WebhookDelivery[];
}
/**
 * The archive a completed export builds: everything held about its subject.
 * @internal
 */
export const PrivacyExport = wireModel<PrivacyExport>()({
  object: z.literal('privacy_export'),
  requestId: idOf('privacyRequest'),
  subject: PrivacySubject,
  generatedAt: timestamp,
  account: z.nullable(Account),
  logs: z.array(MessageLog),
  messages: z.array(Message),
  webhookDeliveries: z.array(WebhookDelivery),
});
