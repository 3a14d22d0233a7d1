// `aulm.logs`: message logs, one per message, what a business reads back.
import { ListLogsParams, MessageLog, MessageLogList } from '../contract/index.js';
import type { APIPromise } from '../core/api-promise.js';
import type { PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
import type { Pipeline, RequestOptions } from '../core/pipeline.js';

/** Message logs: `aulm.logs`. */
export class LogsResource {
  readonly #client: Pipeline;

  /**
   * Built by the client, on its request pipeline.
   * @internal
   */
  constructor(client: Pipeline) {
    this.#client = client;
  }

  /**
   * Lists message logs, newest first, filtered by `status`, `sessionId`, `recipient` and `since`/`until`
   * (a `Date`, an ISO timestamp or a calendar date such as `2026-11-01`, read as midnight UTC).
   *
   * @example
   * ```ts
   * for await (const log of aulm.logs.list({ status: 'failed', since: '2026-11-01' })) console.log(log.id);
   * ```
   */
  list(params: ListLogsParams = {}, options?: RequestOptions): PagePromise<MessageLog> {
    return this.#client.list(
      { method: 'GET', path: '/v1/logs', params, paramsSchema: ListLogsParams, result: MessageLogList },
      options,
    );
  }

  /** Returns the log of one message, by the message's id (`msg_...`). */
  get(id: string, options?: RequestOptions): APIPromise<MessageLog> {
    return this.#client.request({ method: 'GET', path: path`/v1/logs/${id}`, result: MessageLog }, options);
  }
}
