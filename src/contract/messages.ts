// Messages: what a business sends through a connected session, and what becomes of it.
import * as z from 'zod/mini';
import { schemaOf, timestamp, wireModel } from './codec.js';
import { httpsUrl } from './https-url.js';
import { idOf } from './ids.js';
import { Metadata, MetadataParam } from './metadata.js';
import { e164, type PhoneNumber, phoneNumber, preview, type Redacted } from './personal.js';

/** The statuses of a message, in the only order they move along (`failed` ends it anywhere). */
export type MessageStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';
/**
 * The statuses of a message, in the only order they move along (`failed` ends it anywhere).
 * @internal
 */
export const MessageStatus = schemaOf<MessageStatus>()(
  z.enum(['queued', 'sent', 'delivered', 'read', 'failed']),
);

/** Why a message failed. */
export type MessageFailureCode = 'recipient_not_on_network' | 'session_disconnected' | 'message_expired';
/**
 * Why a message failed.
 * @internal
 */
export const MessageFailureCode = schemaOf<MessageFailureCode>()(
  z.enum(['recipient_not_on_network', 'session_disconnected', 'message_expired']),
);

/** Why a message failed: a failure code and a sentence. */
export interface MessageError {
  /** A {@link MessageFailureCode}. */
  code: string;
  /** What went wrong, in a sentence. */
  message: string;
}
/**
 * Why a message failed: a failure code and a sentence.
 * @internal
 */
export const MessageError = wireModel<MessageError>()({
  code: z.string(),
  message: z.string(),
});

/** What a message carries: a text, or a media file with an optional caption. */
export type MessageType = 'text' | 'media';

/** A message sent through a session. The service keeps a short `preview`, never the whole content. */
export interface Message {
  /** The message's id, `msg_…`. */
  id: string;
  /** Always `message`. */
  object: 'message';
  /** Its session. */
  sessionId: string;
  /** The recipient, masked until `reveal()`. */
  to: PhoneNumber;
  /** Text or media. */
  type: MessageType;
  /** Where the message is. */
  status: MessageStatus;
  /** A text's first 40 characters, redacted until `reveal()`; `null` for media. */
  preview: Redacted | null;
  /** Why it failed, or `null`. */
  error: MessageError | null;
  /** Your own keys and values. */
  metadata: Metadata;
  /** When sent. */
  createdAt: Date;
  /** Last changed. */
  updatedAt: Date;
}
/**
 * A message sent through a session. The service keeps a short `preview`, never the whole content.
 * @internal
 */
export const Message = wireModel<Message>()({
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

// The `text` of a text message on the wire: `{"body": "..."}`.
interface TextContent {
  /** The text, 1 to 4096 characters. */
  body: string;
}
const TextContent = wireModel<TextContent>()(
  { body: z.string().check(z.minLength(1), z.maxLength(4096)) },
  { strict: true },
);

/**
 * The URL of a message's media: `https://` only.
 * @internal
 */
export const MediaUrl = httpsUrl(2048);

/** The media of a media message: an https URL, its MIME type and an optional caption. */
export interface MediaContent {
  /** An `https://` URL. */
  url: string;
  /** Its MIME type, such as `image/jpeg`. */
  mimeType: string;
  /** A caption of up to 1024 characters. */
  caption?: string | undefined;
}
/**
 * The media of a media message: an https URL, its MIME type and an optional caption.
 * @internal
 */
export const MediaContent = wireModel<MediaContent>()(
  {
    url: MediaUrl,
    mimeType: z
      .string()
      .check(z.regex(/^[\w.+-]+\/[\w.+-]+$/, { error: 'must be a MIME type like image/jpeg' })),
    caption: z.optional(z.string().check(z.maxLength(1024))),
  },
  { strict: true },
);

const common = {
  session_id: idOf('session'),
  to: e164,
  metadata: z.optional(MetadataParam),
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

/** A text message to send: its session, its recipient and the text. */
export interface SendTextMessageParams {
  /** The connected session to send through. */
  sessionId: string;
  /** The recipient, in E.164 (`+447700900123`). */
  to: string;
  /** Your own string keys and values (up to 20), echoed back on the message. */
  metadata?: Metadata;
  /** The text to send, 1 to 4096 characters. */
  text: string;
  /** Not with `text`. */
  media?: never;
}

/** A media message to send: its session, its recipient and the media. */
export interface SendMediaMessageParams {
  /** The connected session to send through. */
  sessionId: string;
  /** The recipient, in E.164 (`+447700900123`). */
  to: string;
  /** Your own string keys and values (up to 20), echoed back on the message. */
  metadata?: Metadata;
  /** The media to send. */
  media: MediaContent;
  /** Not with `media`. */
  text?: never;
}

/**
 * The parameters of `messages.send`: `text` (the body) or `media`, never both.
 *
 * @example
 * ```ts
 * await aulm.messages.send({ sessionId, to: '+447700900123', text: 'Your code is 4821' });
 * await aulm.messages.send({
 *   sessionId,
 *   to: '+447700900123',
 *   media: { url: 'https://example.com/receipt.pdf', mimeType: 'application/pdf' },
 * });
 * ```
 */
export type SendMessageParams = SendTextMessageParams | SendMediaMessageParams;

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
    // A JavaScript caller's unknown keys go to the wire too, for its strict check to name them.
    const { sessionId, to, metadata, text, media, ...rest } = params as SendMessageParams &
      Record<string, unknown>;
    const base = { session_id: sessionId, to, ...(metadata === undefined ? {} : { metadata }), ...rest };
    if (media !== undefined && text === undefined) return { ...base, type: 'media' as const, media };
    if (text !== undefined && media === undefined)
      return { ...base, type: 'text' as const, text: { body: text } };
    // Neither or both: sent on as they are, for the wire check to report the missing or the extra field.
    return {
      ...base,
      type: 'text',
      text: text === undefined ? undefined : { body: text },
      ...(media === undefined ? {} : { media }),
    } as z.output<typeof SendMessageWire>;
  },
});
