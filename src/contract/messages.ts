// Messages: what a business sends through a connected session, and what becomes of it.
import * as z from 'zod/mini';
import { timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { e164, phoneNumber, preview } from './personal.js';

/** The statuses of a message, in the only order they move along (`failed` ends it anywhere). */
export const MessageStatus = z.enum(['queued', 'sent', 'delivered', 'read', 'failed']);
export type MessageStatus = z.output<typeof MessageStatus>;

/** Why a message failed. */
export const MessageFailureCode = z.enum([
  'recipient_not_on_network',
  'session_disconnected',
  'message_expired',
]);
export type MessageFailureCode = z.output<typeof MessageFailureCode>;

/** Why a message failed: a failure code and a sentence. */
export const MessageError = wireModel({ code: z.string(), message: z.string() });
export type MessageError = z.output<typeof MessageError>;

/** Up to 20 string keys of up to 40 characters, each value up to 500 characters. */
export const Metadata = z
  .record(z.string().check(z.minLength(1), z.maxLength(40)), z.string().check(z.maxLength(500)))
  .check(
    z.refine((record) => Object.keys(record).length <= 20, {
      error: 'must have at most 20 keys',
    }),
  );
export type Metadata = z.output<typeof Metadata>;

/** A message sent through a session. The service keeps a short `preview`, never the whole content. */
export const Message = wireModel({
  id: idOf('message'),
  object: z.literal('message'),
  sessionId: idOf('session'),
  to: phoneNumber,
  type: z.enum(['text', 'media']),
  status: MessageStatus,
  preview: z.nullable(preview),
  error: z.nullable(MessageError),
  metadata: Metadata,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Message = z.output<typeof Message>;

const TextContent = wireModel(
  { body: z.string().check(z.minLength(1), z.maxLength(4096)) },
  { strict: true },
);

const httpsUrl = z
  .string()
  .check(z.refine((text) => /^https:\/\/[^\s/]+\S*$/.test(text), { error: 'must be an https:// URL' }));

/** The media of a media message: an https URL, its MIME type and an optional caption. */
export const MediaContent = wireModel(
  {
    url: httpsUrl,
    mimeType: z
      .string()
      .check(z.regex(/^[\w.+-]+\/[\w.+-]+$/, { error: 'must be a MIME type like image/jpeg' })),
    caption: z.optional(z.string().check(z.maxLength(1024))),
  },
  { strict: true },
);
export type MediaContent = z.output<typeof MediaContent>;

const common = {
  session_id: idOf('session'),
  to: e164,
  metadata: z.optional(Metadata),
};

/** The body of `POST /v1/messages`, as the wire carries it: a text or a media message. */
export const SendMessageWire = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ ...common, type: z.literal('text'), text: TextContent }),
    z.strictObject({ ...common, type: z.literal('media'), media: MediaContent }),
  ],
  { error: 'must be "text" or "media"' },
);

/** The parameters of `messages.send`: `text` (the body) or `media`, never both. */
export type SendMessageParams = {
  sessionId: string;
  to: string;
  metadata?: Metadata;
} & ({ text: string; media?: never } | { media: MediaContent; text?: never });

/** The body of `POST /v1/messages`: `{sessionId, to, text}` or `{sessionId, to, media}` in the model. */
export const SendMessageParams = z.codec(SendMessageWire, z.custom<SendMessageParams>(), {
  decode: (wire) => {
    const base = {
      sessionId: wire.session_id,
      to: wire.to,
      ...(wire.metadata ? { metadata: wire.metadata } : {}),
    };
    return wire.type === 'text' ? { ...base, text: wire.text.body } : { ...base, media: wire.media };
  },
  encode: (params) => {
    const { sessionId, to, metadata, text, media, ...rest } = params as SendMessageParams &
      Record<string, unknown>;
    const base = { session_id: sessionId, to, ...(metadata === undefined ? {} : { metadata }), ...rest };
    if (media !== undefined && text === undefined) return { ...base, type: 'media', media } as never;
    return {
      ...base,
      type: 'text',
      text: text === undefined ? undefined : { body: text },
      ...(media === undefined ? {} : { media }),
    } as never;
  },
});
