// `aulm.messages`: send a message through a connected session, read it back, wait for its delivery.
import { Message, type MessageStatus, SendMessageParams } from '../contract/index.js';
import type { APIPromise } from '../core/api-promise.js';
import { AulmError } from '../core/errors.js';
import { path } from '../core/path.js';
import type { Pipeline, RequestOptions } from '../core/pipeline.js';
import { pollUntil, type WaitOptions } from '../core/polling.js';

/** The statuses `messages.waitFor` can wait for, in the order a message reaches them. */
export type AwaitedMessageStatus = 'sent' | 'delivered' | 'read';

/** Options of `messages.waitFor`. */
export interface WaitForMessageOptions extends WaitOptions {
  /** The status to wait for. Default `'delivered'`. */
  until?: AwaitedMessageStatus | undefined;
}

const ORDER: Record<MessageStatus, number> = { queued: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/** Messages: `aulm.messages`. */
export class MessagesResource {
  readonly #client: Pipeline;

  /**
   * Built by the client, on its request pipeline.
   * @internal
   */
  constructor(client: Pipeline) {
    this.#client = client;
  }

  /**
   * Sends a text (`text`) or a media message (`media`) through a connected session. It comes back
   * `queued`; a retry never sends it twice (every attempt carries the same `Idempotency-Key`).
   *
   * @example
   * ```ts
   * const message = await aulm.messages.send({ sessionId, to: '+447700900123', text: 'Your code is 4821' });
   * ```
   */
  send(params: SendMessageParams, options?: RequestOptions): APIPromise<Message> {
    return this.#client.request(
      { method: 'POST', path: '/v1/messages', params, paramsSchema: SendMessageParams, result: Message },
      options,
    );
  }

  /** Returns a message by its id (`msg_...`). */
  get(id: string, options?: RequestOptions): APIPromise<Message> {
    return this.#client.request({ method: 'GET', path: path`/v1/messages/${id}`, result: Message }, options);
  }

  /**
   * Polls a message with backoff until its status reaches `until` (`'delivered'` by default; a later
   * status counts too) or it fails, and resolves with it in both cases: check `status === 'failed'`.
   * Throws `WaitTimeoutError` when `timeout` (default 60 s) runs out first.
   *
   * @example
   * ```ts
   * const message = await aulm.messages.waitFor(sent.id, { until: 'delivered', timeout: 30_000 });
   * if (message.status === 'failed') console.error(message.error?.code);
   * ```
   */
  async waitFor(
    id: string,
    options: WaitForMessageOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<Message> {
    const until = options.until ?? 'delivered';
    if (!['sent', 'delivered', 'read'].includes(until)) {
      throw new AulmError("The `until` option must be 'sent', 'delivered' or 'read'.");
    }
    return pollUntil(
      {
        fetch: (signal) => this.get(id, { ...requestOptions, signal }),
        done: (message) => message.status === 'failed' || ORDER[message.status] >= ORDER[until],
        describe: (last) => `message ${id} to be ${until}${last ? ` (last status: ${last.status})` : ''}`,
      },
      { ...options, signal: options.signal ?? requestOptions?.signal },
    );
  }
}
