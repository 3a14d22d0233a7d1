// `aulm.sessions`: the connected senders that messages go out through.
import { CreateSessionParams, ListSessionsParams, Session, SessionList } from '../contract/index.js';
import type { APIPromise } from '../core/api-promise.js';
import type { PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
import type { Pipeline, RequestOptions } from '../core/pipeline.js';

/** Connected senders: `aulm.sessions`. */
export class SessionsResource {
  readonly #client: Pipeline;

  /**
   * Built by the client, on its request pipeline.
   * @internal
   */
  constructor(client: Pipeline) {
    this.#client = client;
  }

  /**
   * Starts pairing a new session; show its `pairingCode` to the phone's owner within five minutes.
   *
   * @example
   * ```ts
   * const session = await aulm.sessions.create({ name: 'Support line' });
   * console.log(session.pairingCode);
   * ```
   */
  create(params: CreateSessionParams = {}, options?: RequestOptions): APIPromise<Session> {
    return this.#client.request(
      { method: 'POST', path: '/v1/sessions', params, paramsSchema: CreateSessionParams, result: Session },
      options,
    );
  }

  /** Lists sessions, newest first: `await` it for a page, `for await` it for every session. */
  list(params: ListSessionsParams = {}, options?: RequestOptions): PagePromise<Session> {
    return this.#client.list(
      { method: 'GET', path: '/v1/sessions', params, paramsSchema: ListSessionsParams, result: SessionList },
      options,
    );
  }

  /** Returns a session by its id (`ses_...`). */
  get(id: string, options?: RequestOptions): APIPromise<Session> {
    return this.#client.request({ method: 'GET', path: path`/v1/sessions/${id}`, result: Session }, options);
  }

  /** Logs a session out; it comes back `disconnected`. */
  delete(id: string, options?: RequestOptions): APIPromise<Session> {
    return this.#client.request(
      { method: 'DELETE', path: path`/v1/sessions/${id}`, result: Session },
      options,
    );
  }
}
