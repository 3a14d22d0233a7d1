// The `Aulm` client: its options, and the resources wired to one request pipeline. Nothing else lives
// here: the pipeline is in core/, each resource in resources/.
import { type ClientOptions, maskApiKey, resolveOptions } from './core/options.js';
import { Pipeline } from './core/pipeline.js';
import { AccountResource } from './resources/account.js';
import { ApiKeysResource } from './resources/api-keys.js';
import { LogsResource } from './resources/logs.js';
import { MessagesResource } from './resources/messages.js';
import { PrivacyResource } from './resources/privacy.js';
import { SessionsResource } from './resources/sessions.js';
import { SupportResource } from './resources/support.js';
import { WebhooksResource } from './resources/webhooks.js';
import { createDefaultTransport } from './transport/default.js';

const inspect = Symbol.for('nodejs.util.inspect.custom');

/**
 * The aulm API client. Create one per API key and reuse it: it holds the key, the options and the
 * home region it learns.
 *
 * Printing it (`console.log`, `util.inspect`, `JSON.stringify`) shows the key masked, as
 * `aulm_test_••••abcd`.
 *
 * @example
 * ```ts
 * import { Aulm } from 'aulm';
 *
 * const aulm = new Aulm({ apiKey: process.env.AULM_API_KEY, region: 'eu' });
 * const message = await aulm.messages.send({ sessionId, to: '+447700900123', text: 'Your code is 4821' });
 * ```
 */
export class Aulm {
  /** The account the key belongs to. */
  readonly account: AccountResource;
  /** Connected senders. */
  readonly sessions: SessionsResource;
  /** Sending messages and following their delivery. */
  readonly messages: MessagesResource;
  /** Message logs. */
  readonly logs: LogsResource;
  /** Webhook endpoints, their deliveries, and verifying a delivery that arrived. */
  readonly webhooks: WebhooksResource;
  /** Privacy rights requests about the people the business messages, or about the account. */
  readonly privacy: PrivacyResource;
  /** The account's API keys and their scopes. */
  readonly apiKeys: ApiKeysResource;
  /** Support tickets opened with aulm. */
  readonly support: SupportResource;

  readonly #maskedKey: string;
  readonly #pipeline: Pipeline;

  /**
   * Checks the options and creates the client. Throws `AulmError` naming the option at fault: a missing
   * key (pass `apiKey` or set `AULM_API_KEY`), an unknown region, a bad timeout, or a browser without
   * `dangerouslyAllowBrowser: true`.
   */
  constructor(options: ClientOptions = {}) {
    const resolved = resolveOptions(options);
    this.#maskedKey = maskApiKey(resolved.apiKey);
    this.#pipeline = new Pipeline(resolved, {
      transport: createDefaultTransport({ fetch: resolved.fetch, dispatcher: resolved.dispatcher }),
    });
    this.account = new AccountResource(this.#pipeline);
    this.sessions = new SessionsResource(this.#pipeline);
    this.messages = new MessagesResource(this.#pipeline);
    this.logs = new LogsResource(this.#pipeline);
    this.webhooks = new WebhooksResource(this.#pipeline);
    this.privacy = new PrivacyResource(this.#pipeline);
    this.apiKeys = new ApiKeysResource(this.#pipeline);
    this.support = new SupportResource(this.#pipeline);
  }

  /** The base URL requests go to: the region's host, `baseURL`, or the home region a `421` named. */
  get baseURL(): string {
    return this.#pipeline.baseURL;
  }

  /** Returns what `JSON.stringify` shows: the key masked and the base URL. */
  toJSON(): {
    /** The API key, masked. */
    apiKey: string;
    /** The base URL requests go to. */
    baseURL: string;
  } {
    return { apiKey: this.#maskedKey, baseURL: this.baseURL };
  }

  /** Returns what `String(aulm)` shows. */
  toString(): string {
    return `Aulm { apiKey: '${this.#maskedKey}', baseURL: '${this.baseURL}' }`;
  }

  /** Returns what Node's `util.inspect` (and so `console.log`) shows: the same as `toString()`. */
  [inspect](): string {
    return this.toString();
  }
}
