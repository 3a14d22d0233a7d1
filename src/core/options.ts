// The client's options: what each means, their defaults, and the checks that make a bad option fail at
// construction with a message naming it. Also how an API key is shown: masked, always.
import type { Dispatcher } from 'undici';
import { Secret } from '../contract/personal.js';
import type { Fetch } from '../transport/transport.js';
import { AulmError } from './errors.js';
import { isLogger, isLogLevel, LOG_LEVELS, type Logger, type LogLevel } from './logger.js';
import { isRegionOption, REGION_HOSTS, type RegionOption } from './region.js';
import { isBrowser, readEnv } from './runtime.js';

/** Extra headers: a string sets a header, `null` removes one the SDK would send. */
export type ExtraHeaders = Record<string, string | null | undefined>;

/**
 * The options of `new Aulm(options)`. Every one is optional where the environment can supply it.
 *
 * @example
 * ```ts
 * const aulm = new Aulm({ apiKey: process.env.AULM_API_KEY, region: 'eu', timeout: 10_000 });
 * ```
 */
export interface ClientOptions {
  /** The API key (`aulm_test_...` or `aulm_live_...`). Defaults to the `AULM_API_KEY` environment variable. */
  apiKey?: string | undefined;
  /** `'auto'` (default: the global host, which serves every account), `'eu'`, `'us'` or `'ap'`. */
  region?: RegionOption | undefined;
  /** A base URL to use instead of the region's host, such as a local reference server. Paths start with `/v1`. */
  baseURL?: string | undefined;
  /** Milliseconds each attempt may take, from connection to the last byte. Default 30 000. */
  timeout?: number | undefined;
  /** How many times a failed request is retried. Default 2. */
  maxRetries?: number | undefined;
  /** A `fetch` function to send requests with, instead of undici (Node) or the global `fetch`. */
  fetch?: Fetch | undefined;
  /** An undici dispatcher (Node only), such as a `ProxyAgent` or `MockAgent`. Default: undici's global one. */
  dispatcher?: Dispatcher | undefined;
  /** Headers sent with every request. */
  defaultHeaders?: ExtraHeaders | undefined;
  /** Where log lines go. Default: the console. Nothing is logged unless `logLevel` says so. */
  logger?: Logger | undefined;
  /** `'off'` (default), `'error'`, `'warn'`, `'info'` or `'debug'`. Defaults to the `AULM_LOG` environment variable. */
  logLevel?: LogLevel | undefined;
  /** Check every response against its schema and throw `ResponseValidationError` on a mismatch. Default true. */
  validateResponses?: boolean | undefined;
  /** Allow the client in a web page, where anyone can read the key. Default false. */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** The options after defaults and checks: what the pipeline runs on. */
export interface ResolvedOptions {
  apiKey: string;
  baseURL: string;
  timeout: number;
  maxRetries: number;
  fetch: Fetch | undefined;
  dispatcher: Dispatcher | undefined;
  defaultHeaders: ExtraHeaders;
  logger: Logger;
  logLevel: LogLevel;
  validateResponses: boolean;
}

/** The longest `timeout` a timer can hold (about 24.8 days). */
const MAX_TIMEOUT = 2 ** 31 - 1;

/**
 * Returns an API key masked for display: its prefix, `••••` and its last four characters
 * (`aulm_test_••••abcd`); a key too short to mask safely shows as `••••` alone.
 */
export function maskApiKey(apiKey: string): string {
  return new Secret(apiKey).toString();
}

function fail(message: string): never {
  throw new AulmError(message);
}

/** Throws unless `value` is a whole number of milliseconds a timer can wait. */
export function checkTimeout(value: unknown, name = 'timeout'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > MAX_TIMEOUT) {
    fail(`The \`${name}\` option must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT}.`);
  }
  return value;
}

/** Throws unless `value` is a whole number of retries, 0 or more. */
export function checkMaxRetries(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail('The `maxRetries` option must be a whole number, 0 or more.');
  }
  return value;
}

/** Throws unless `value` is an object of header names to strings (or null, to remove a header). */
export function checkHeaders(value: unknown, name: string): ExtraHeaders {
  const entries = typeof value === 'object' && value !== null ? Object.entries(value) : null;
  if (!entries || Array.isArray(value) || entries.some(([, header]) => !isHeaderValue(header))) {
    fail(`The \`${name}\` option must be an object whose values are strings (or null, to remove a header).`);
  }
  return value as ExtraHeaders;
}

function isHeaderValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && !/[\r\n\0]/.test(value));
}

function resolveApiKey(given: unknown): string {
  const apiKey = given === undefined ? readEnv('AULM_API_KEY') : given;
  if (apiKey === undefined) {
    fail(
      'Missing API key: pass `apiKey` to `new Aulm({ apiKey })`, or set the AULM_API_KEY environment variable.',
    );
  }
  // Printable ASCII only: a newline would be refused by the HTTP stack in a message that quotes the key.
  if (typeof apiKey !== 'string' || !/^[\x21-\x7e]+$/.test(apiKey)) {
    fail('The `apiKey` option must be a non-empty string of printable characters without spaces.');
  }
  return apiKey;
}

function resolveBaseURL(region: unknown, baseURL: unknown): string {
  if (region !== undefined && !isRegionOption(region)) {
    fail(`Unknown \`region\`: ${JSON.stringify(region)}. Use one of ${listOf(Object.keys(REGION_HOSTS))}.`);
  }
  if (baseURL === undefined) return REGION_HOSTS[region ?? 'auto'];
  if (region !== undefined) fail('Pass either `region` or `baseURL`, not both.');
  const url = typeof baseURL === 'string' ? parseURL(baseURL) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    fail(
      'The `baseURL` option must be an absolute http(s) URL without a query, such as https://api.aulm.io.',
    );
  }
  return url.href.replace(/\/+$/, '');
}

function parseURL(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function resolveLogLevel(given: unknown): LogLevel {
  if (given !== undefined) {
    if (!isLogLevel(given)) fail(`The \`logLevel\` option must be one of ${listOf(LOG_LEVELS)}.`);
    return given;
  }
  const fromEnv = readEnv('AULM_LOG')?.toLowerCase();
  if (fromEnv === undefined) return 'off';
  if (!isLogLevel(fromEnv)) fail(`The AULM_LOG environment variable must be one of ${listOf(LOG_LEVELS)}.`);
  return fromEnv;
}

function listOf(values: readonly string[]): string {
  return values.map((value) => `'${value}'`).join(', ');
}

/** Checks `options`, fills in the defaults and the environment, and throws `AulmError` naming a bad option. */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    fail('The options of `new Aulm(options)` must be an object.');
  }
  if (isBrowser() && options.dangerouslyAllowBrowser !== true) {
    fail(
      'Refusing to run in a browser, where anyone can read the API key. Call the API from your server, ' +
        'or pass `dangerouslyAllowBrowser: true` if you understand the risk.',
    );
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    fail('The `fetch` option must be a function.');
  }
  const dispatcher = options.dispatcher as { dispatch?: unknown } | undefined;
  if (dispatcher !== undefined && typeof dispatcher?.dispatch !== 'function') {
    fail('The `dispatcher` option must be an undici Dispatcher (such as an Agent or a MockAgent).');
  }
  if (options.fetch !== undefined && dispatcher !== undefined) {
    fail('Pass either `fetch` or `dispatcher`, not both.');
  }
  if (options.logger !== undefined && !isLogger(options.logger)) {
    fail('The `logger` option must have debug, info, warn and error methods.');
  }
  if (options.validateResponses !== undefined && typeof options.validateResponses !== 'boolean') {
    fail('The `validateResponses` option must be true or false.');
  }
  return {
    apiKey: resolveApiKey(options.apiKey),
    baseURL: resolveBaseURL(options.region, options.baseURL),
    timeout: options.timeout === undefined ? 30_000 : checkTimeout(options.timeout),
    maxRetries: options.maxRetries === undefined ? 2 : checkMaxRetries(options.maxRetries),
    fetch: options.fetch,
    dispatcher: options.dispatcher,
    defaultHeaders:
      options.defaultHeaders === undefined ? {} : checkHeaders(options.defaultHeaders, 'defaultHeaders'),
    logger: options.logger ?? globalThis.console,
    logLevel: resolveLogLevel(options.logLevel),
    validateResponses: options.validateResponses ?? true,
  };
}
