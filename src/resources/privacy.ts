// `aulm.privacy.requests`: rights requests about the people a business messages, or about its own
// account: file one, follow it to its result, wait for it, download what an export built.
import * as z from 'zod/mini';
import {
  CreatePrivacyRequestParams,
  ExtendPrivacyRequestParams,
  ListPrivacyRequestsParams,
  PrivacyExport,
  PrivacyRequest,
  PrivacyRequestList,
  type PrivacyRequestStatus,
  type PrivacyRequestType,
} from '../contract/index.js';
import type { APIPromise } from '../core/api-promise.js';
import { AulmError } from '../core/errors.js';
import type { PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
import type { Pipeline, RequestOptions } from '../core/pipeline.js';
import { pollUntil, type WaitOptions } from '../core/polling.js';

/** The privacy request of one type, its `result` typed for it: `PrivacyRequestOf<'erasure'>`. */
export type PrivacyRequestOf<T extends PrivacyRequestType> = Extract<
  PrivacyRequest,
  {
    /** The type of request. */
    type: T;
  }
>;

/** What `privacy.requests.waitFor` waits for. */
export type AwaitedPrivacyRequestStatus = 'settled' | 'completed';

/** Options of `privacy.requests.waitFor`. */
export interface WaitForPrivacyRequestOptions extends WaitOptions {
  /**
   * `'settled'` (default): resolve once the request is `completed`, `rejected`, `cancelled` or `lifted`.
   * `'completed'`: resolve once it is `completed` (or already `lifted`), and reject with `AulmError` if it
   * is `rejected` or `cancelled` instead.
   */
  until?: AwaitedPrivacyRequestStatus | undefined;
}

const SETTLED: readonly PrivacyRequestStatus[] = ['completed', 'rejected', 'cancelled', 'lifted'];

/** Privacy requests: `aulm.privacy.requests`. */
export class PrivacyRequestsResource {
  readonly #client: Pipeline;

  /**
   * Built by the client, on its request pipeline.
   * @internal
   */
  constructor(client: Pipeline) {
    this.#client = client;
  }

  /**
   * Files a request about a recipient (`subject: { type: 'recipient', phoneNumber }`) or the account
   * (`subject: { type: 'account' }`). It comes back `received`, typed for its `type`: the `result` of an
   * erasure is `{ erased }`, of an export `{ downloadUrl, ... }`, and so on.
   *
   * @example
   * ```ts
   * const request = await aulm.privacy.requests.create({
   *   type: 'erasure',
   *   subject: { type: 'recipient', phoneNumber: '+447700900123' },
   * });
   * const done = await aulm.privacy.requests.waitFor(request, { until: 'completed' });
   * console.log(done.result?.erased.logs); // typed: `done` is an erasure request
   * ```
   */
  create<T extends PrivacyRequestType>(
    params: CreatePrivacyRequestParams & { type: T },
    options?: RequestOptions,
  ): APIPromise<PrivacyRequestOf<T>> {
    return this.#client.request(
      {
        method: 'POST',
        path: '/v1/privacy_requests',
        params,
        paramsSchema: CreatePrivacyRequestParams,
        result: schemaOfType(params?.type),
      },
      options,
    );
  }

  /** Lists requests, newest first, filtered by `type` and `status`: `await` it for a page, `for await` for all. */
  list(params: ListPrivacyRequestsParams = {}, options?: RequestOptions): PagePromise<PrivacyRequest> {
    return this.#client.list(
      {
        method: 'GET',
        path: '/v1/privacy_requests',
        params,
        paramsSchema: ListPrivacyRequestsParams,
        result: PrivacyRequestList,
      },
      options,
    );
  }

  /**
   * Returns a request by its id (`prq_...`); check `type` to read its `result`.
   *
   * @example
   * ```ts
   * const request = await aulm.privacy.requests.get('prq_123');
   * if (request.type === 'access' && request.result) console.log(request.result.counts.messages);
   * ```
   */
  get(id: string, options?: RequestOptions): APIPromise<PrivacyRequest> {
    return this.#client.request(
      { method: 'GET', path: path`/v1/privacy_requests/${id}`, result: PrivacyRequest },
      options,
    );
  }

  /** Cancels a request that is still `received`; later, it answers `409`. */
  cancel(id: string, options?: RequestOptions): APIPromise<PrivacyRequest> {
    return this.#client.request(
      { method: 'POST', path: path`/v1/privacy_requests/${id}/cancel`, result: PrivacyRequest },
      options,
    );
  }

  /** Ends a completed restriction or objection: sends to the number are allowed again. It comes back `lifted`. */
  lift(id: string, options?: RequestOptions): APIPromise<PrivacyRequest> {
    return this.#client.request(
      { method: 'POST', path: path`/v1/privacy_requests/${id}/lift`, result: PrivacyRequest },
      options,
    );
  }

  /** Moves `dueAt` two months on, once and before it passes, for the `reason` given (as the GDPR allows). */
  extend(
    id: string,
    params: ExtendPrivacyRequestParams,
    options?: RequestOptions,
  ): APIPromise<PrivacyRequest> {
    return this.#client.request(
      {
        method: 'POST',
        path: path`/v1/privacy_requests/${id}/extend`,
        params,
        paramsSchema: ExtendPrivacyRequestParams,
        result: PrivacyRequest,
      },
      options,
    );
  }

  /**
   * Downloads the archive that a completed export built, until its `result.expiresAt` (7 days). Its
   * models are the SDK's own: phone numbers print masked, previews redacted, times are `Date`s.
   *
   * @example
   * ```ts
   * const archive = await aulm.privacy.requests.downloadExport(request.id);
   * console.log(archive.logs[0]?.recipient);        // +44 ••••••0123
   * console.log(archive.messages[0]?.preview);      // [redacted: 17 chars]
   * JSON.stringify(archive); // masked too: hand the subject their data with `reveal()`
   * ```
   */
  downloadExport(id: string, options?: RequestOptions): APIPromise<PrivacyExport> {
    return this.#client.request(
      { method: 'GET', path: path`/v1/privacy_requests/${id}/export`, result: PrivacyExport },
      options,
    );
  }

  /**
   * Polls a request with backoff until it settles (see `until`) and resolves with it. Given the request
   * itself rather than its id, it resolves with the same type. Throws `WaitTimeoutError` when `timeout`
   * (default 60 s) runs out first.
   *
   * @example
   * ```ts
   * const request = await aulm.privacy.requests.create({ type: 'export', subject: { type: 'account' } });
   * const done = await aulm.privacy.requests.waitFor(request, { timeout: 30_000 });
   * if (done.status === 'completed') console.log(done.result?.downloadUrl);
   * ```
   */
  async waitFor<T extends PrivacyRequestType = PrivacyRequestType>(
    request: string | { readonly id: string; readonly type: T },
    options: WaitForPrivacyRequestOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<PrivacyRequestOf<T>> {
    const until = options.until ?? 'settled';
    if (until !== 'settled' && until !== 'completed') {
      throw new AulmError("The `until` option must be 'settled' or 'completed'.");
    }
    const { id, type } = typeof request === 'object' && request !== null ? request : { id: request };
    const result = schemaOfType(type);
    const settled = await pollUntil(
      {
        fetch: (signal) =>
          this.#client.request(
            { method: 'GET', path: path`/v1/privacy_requests/${id}`, result },
            { ...requestOptions, signal },
          ),
        done: (value) => SETTLED.includes(value.status),
        describe: (last) =>
          `privacy request ${id} to be ${until}${last ? ` (last status: ${last.status})` : ''}`,
      },
      { ...options, signal: options.signal ?? requestOptions?.signal },
    );
    if (until === 'completed' && (settled.status === 'rejected' || settled.status === 'cancelled')) {
      throw new AulmError(
        `Privacy request ${id} was ${settled.status} and will not complete; wait with until: 'settled' to read it.`,
      );
    }
    return settled;
  }
}

/** Privacy rights: `aulm.privacy`. */
export class PrivacyResource {
  /** Rights requests and their results. */
  readonly requests: PrivacyRequestsResource;

  /**
   * Built by the client, on its request pipeline.
   * @internal
   */
  constructor(client: Pipeline) {
    this.requests = new PrivacyRequestsResource(client);
  }
}

// The schema of a request of the type asked for: a response of another type fails validation, naming
// `type`, so the type that `create` and `waitFor` promise is checked rather than assumed.
function schemaOfType<T extends PrivacyRequestType>(type: T | undefined) {
  return z.pipe(
    PrivacyRequest,
    z.custom<PrivacyRequestOf<T>>(
      (request) => type === undefined || (request as PrivacyRequest).type === type,
      { error: `must be "${type}" (the type asked for)`, path: ['type'] },
    ),
  );
}
