// Messages: what a business sends through a connected session, and what becomes of it.
import * as z from 'zod/mini';
import { timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { e164, phoneNumber, preview } from './personal.js';

/**
 * The statuses of a message, in the only order they move along (`failed` ends it anywhere).
 * @internal
 */
export const MessageStatus = z.enum(['queued', 'sent', 'delivered', 'read', 'failed']);
/**
 * The statuses of a message, in the only order they move along (`failed` ends it anywhere).
 * @useDeclaredType
 */
export type MessageStatus = z.output<typeof MessageStatus>;

/**
 * Why a message failed.
 * @internal
 */
export const MessageFailureCode = z.enum([
  'recipient_not_on_network',
  'session_disconnected',
  'message_expired',
]);
/**
 * Why a message failed.
 * @useDeclaredType
 */
export type MessageFailureCode = z.output<typeof MessageFailureCode>;

/**
 * Why a message failed: a failure code and a sentence.
 * @internal
 */
export const MessageError = wireModel({
  /** A {@link MessageFailureCode}. */
  code: z.string(),
  /** What went wrong, in a sentence. */
  message: z.string(),
});
/**
 * Why a message failed: a failure code and a sentence.
 * @interface
 */
export type MessageError = z.output<typeof MessageError>;

/**
 * Up to 20 string keys of up to 40 characters, each value up to 500 characters.
 * @internal
 */
export const Metadata = z
  .record(z.string().check(z.minLength(1), z.maxLength(40)), z.string().check(z.maxLength(500)))
  .check(
    z.refine((record) => Object.keys(record).length <= 20, {
      error: 'must have at most 20 keys',
    }),
  );
/**
 * Up to 20 string keys of up to 40 characters, each value up to 500 characters.
 * @useDeclaredType
 */
export type Metadata = z.output<typeof Metadata>;

/**
 * A message sent through a session. The service keeps a short `preview`, never the whole content.
 * @internal
 */
export const Message = wireModel({
  /** The message's id, `msg_…`. */
  id: idOf('message'),
  /** Always `message`. */
  object: z.literal('message'),
  /** Its session. */
  sessionId: idOf('session'),
  /** The recipient, masked until `reveal()`. */
  to: phoneNumber,
  /** Text or media. */
  type: z.enum(['text', 'media']),
  /** Where the message is. */
  status: MessageStatus,
  /** A text's first 40 characters, redacted until `reveal()`; `null` for media. */
  preview: z.nullable(preview),
  /** Why it failed, or `null`. */
  error: z.nullable(MessageError),
  /** Your own keys and values. */
  metadata: Metadata,
  /** When sent. */
  createdAt: timestamp,
  /** Last changed. */
  updatedAt: timestamp,
});
/**
 * A message sent through a session. The service keeps a short `preview`, never the whole content.
 * @interface
 */
export type Message = z.output<typeof Message>;

const TextContent = wireModel(
  {
    /** The text, 1 to 4096 characters. */
    body: z.string().check(z.minLength(1), z.maxLength(4096)),
  },
  { strict: true },
);

const httpsUrl = z
  .string()
  .check(z.refine((text) => /^https:\/\/[^\s/]+\S*$/.test(text), { error: 'must be an https:// URL' }));

/**
 * The media of a media message: an https URL, its MIME type and an optional caption.
 * @internal
 */
export const MediaContent = wireModel(
  {
    /** An `https://` URL. */
    url: httpsUrl,
    /** Its MIME type, such as `image/jpeg`. */
    mimeType: z
      .string()
      .check(z.regex(/^[\w.+-]+\/[\w.+-]+$/, { error: 'must be a MIME type like image/jpeg' })),
    /** A caption of up to 1024 characters. */
    caption: z.optional(z.string().check(z.maxLength(1024))),
  },
  { strict: true },
);
/**
 * The media of a media message: an https URL, its MIME type and an optional caption.
 * @interface
 */
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
  /** The connected session to send through. */
  sessionId: string;
  /** The recipient, in E.164 (`+447700900123`). */
  to: string;
  /** Your own string keys and values (up to 20), echoed back on the message. */
  metadata?: Metadata;
} & (
  | {
      /** The text to send, 1 to 4096 characters. */
      text: string;
      /** Not with `text`. */
      media?: never;
    }
  | {
      /** The media to send. */
      media: MediaContent;
      /** Not with `media`. */
      text?: never;
    }
);

/**
 * The body of `POST /v1/messages`: `{sessionId, to, text}` or `{sessionId, to, media}` in the model.
 * @internal
 */
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
