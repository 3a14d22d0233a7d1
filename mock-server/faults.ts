// Fault injection: rules that make chosen requests fail the way real networks and servers fail (an error
// status, a slow answer, a connection cut before or after the work), so a test can prove its code survives
// them. The rules live here; `handlers/context.ts` applies the fault a request draws. Runtime-neutral.
import type { Randomness } from './random.js';

/** A fault to inject into the requests that match it. Give at least one of `status`, `delay`, `network`. */
export interface FaultRule {
  /** The HTTP method matched, such as `'POST'` (any case); default: every method. */
  method?: string;
  /**
   * The path matched, on the URL's pathname: `/v1/messages`, or a pattern where a `*` segment matches one
   * segment (`/v1/logs/*`) and a last `**` segment matches whatever follows, even nothing (`/v1/**`).
   */
  path: string;
  /**
   * Answers this status (400 to 599) without doing the work, in the error envelope: the type the contract
   * gives the status, and a fitting code (`503 service_unavailable`, `500 internal_error`,
   * `429 rate_limited`, `408 request_timeout`...).
   */
  status?: number;
  /** Seconds, sent as `retry-after` with a status of 429 or 503 (default 1 for 429, none for 503). */
  retryAfter?: number;
  /**
   * Milliseconds of real time to wait before answering. Alone, the request then proceeds normally; a POST
   * with an `Idempotency-Key` holds its key as in progress while it waits.
   */
  delay?: number;
  /**
   * Cuts the connection: `'reset'` before doing the work, `'lost_response'` after doing it all (the case
   * that only an `Idempotency-Key` saves). The client sees a network error, not a response.
   */
  network?: 'reset' | 'lost_response';
  /** Only the next `times` matching requests (default: every matching request, until removed). */
  times?: number;
  /** The chance (0 to 1) that a matching request gets the fault, from the mock's seeded randomness. */
  probability?: number;
}

/** An injected rule: its id, the rule as given, and `remove()`. */
export interface FaultHandle {
  /** Identifies the rule (`flt_1`, `flt_2`... in order of injection). */
  readonly id: string;
  /** The rule, as given (frozen). */
  readonly rule: FaultRule;
  /** Stops the rule from matching; calling it again does nothing. */
  remove(): void;
}

/** The fault controls of a mock's handle. */
export interface FaultControls {
  /** Adds a rule after those already injected; throws a `TypeError` naming the field of a bad rule. */
  inject(rule: FaultRule): FaultHandle;
  /** Removes every rule. */
  clear(): void;
  /** The rules in force, in order of injection (a rule whose `times` are used up is gone). */
  list(): FaultHandle[];
}

/** The fault a request drew: what to do with it, and how the journal describes it. */
export interface Fault {
  /** Milliseconds of real time to wait (0 for none). */
  readonly delay: number;
  /** The error status to answer instead of doing the work, if any. */
  readonly status: number | null;
  /** The `retry-after` seconds to send with `status`, if any. */
  readonly retryAfter: number | null;
  /** The connection cut, if any. */
  readonly network: 'reset' | 'lost_response' | null;
  /** A short description for the journal: `'status 503'`, `'reset'`, `'delay 300, lost_response'`. */
  readonly description: string;
}

/** The fields a fault rule may have. */
export const RULE_FIELDS: ReadonlySet<string> = new Set([
  'method',
  'path',
  'status',
  'retryAfter',
  'delay',
  'network',
  'times',
  'probability',
]);
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

interface Entry {
  readonly handle: FaultHandle;
  readonly method: string | null;
  readonly segments: readonly string[];
  remaining: number;
}

/** The rules of one mock, and the draw of a fault for each request. */
export class Faults implements FaultControls {
  readonly #random: Randomness;
  #entries: Entry[] = [];
  #count = 0;

  /** `random` gives the `probability` draws, from a stream of their own (`faults`). */
  constructor(random: Randomness) {
    this.#random = random;
  }

  inject(rule: FaultRule): FaultHandle {
    const checked = checkRule(rule);
    this.#count += 1;
    const handle: FaultHandle = {
      id: `flt_${this.#count}`,
      rule: checked,
      remove: () => {
        this.#entries = this.#entries.filter((entry) => entry.handle !== handle);
      },
    };
    this.#entries.push({
      handle,
      method: checked.method === undefined ? null : checked.method.toUpperCase(),
      segments: checked.path.split('/'),
      remaining: checked.times ?? Number.POSITIVE_INFINITY,
    });
    return handle;
  }

  clear(): void {
    this.#entries = [];
  }

  list(): FaultHandle[] {
    return this.#entries.map((entry) => entry.handle);
  }

  /** Removes every rule and numbers new ones from `flt_1` again. */
  reset(): void {
    this.#entries = [];
    this.#count = 0;
  }

  /**
   * Returns the fault a request gets, or null. Rules are tried in order of injection; among those that
   * match the method and path, each with a `probability` draws once, and the first that fires applies
   * (using one of its `times`). Rules after it are not tried, so they neither draw nor use a time.
   */
  draw(method: string, pathname: string): Fault | null {
    // Most mocks have no rule in force: nothing to split a path for, on every request.
    if (this.#entries.length === 0) return null;
    const upper = method.toUpperCase();
    const segments = pathname.split('/');
    for (const entry of this.#entries) {
      if (entry.method !== null && entry.method !== upper) continue;
      if (!matches(entry.segments, segments)) continue;
      const { probability } = entry.handle.rule;
      if (probability !== undefined && this.#chance() >= probability) continue;
      entry.remaining -= 1;
      if (entry.remaining <= 0) entry.handle.remove();
      return faultOf(entry.handle.rule);
    }
    return null;
  }

  // A number in [0, 1) from the faults' own stream, so that drawing faults never shifts the mock's ids.
  #chance(): number {
    return this.#random.stream('faults').nextUint32() / 2 ** 32;
  }
}

function matches(pattern: readonly string[], path: readonly string[]): boolean {
  for (let index = 0; index < pattern.length; index++) {
    const segment = pattern[index]!;
    if (segment === '**') return path.length >= index;
    const actual = path[index];
    if (actual === undefined) return false;
    if (segment === '*' ? actual === '' : segment !== actual) return false;
  }
  return path.length === pattern.length;
}

function faultOf(rule: FaultRule): Fault {
  const delay = rule.delay ?? 0;
  const status = rule.status ?? null;
  const network = rule.network ?? null;
  const retryAfter = rule.retryAfter ?? (status === 429 ? 1 : null);
  const parts = [
    ...(delay > 0 || (status === null && network === null) ? [`delay ${delay}`] : []),
    ...(status === null ? [] : [`status ${status}`]),
    ...(network === null ? [] : [network]),
  ];
  return { delay, status, retryAfter, network, description: parts.join(', ') };
}

/** Checks a rule and returns a frozen copy; throws a `TypeError` naming the first bad field. */
export function checkRule(rule: FaultRule): Readonly<FaultRule> {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
    throw new TypeError('A fault rule must be an object, such as { path: "/v1/messages", status: 503 }');
  }
  const unknown = Object.keys(rule).find((field) => !RULE_FIELDS.has(field));
  if (unknown !== undefined) {
    throw new TypeError(`${unknown} is not a field of a fault rule (${[...RULE_FIELDS].join(', ')})`);
  }
  const { method, path, status, retryAfter, delay, network, times, probability } = rule;
  if (method !== undefined && !(typeof method === 'string' && METHOD.test(method))) {
    throw new TypeError(`method must be an HTTP method such as 'POST', not ${show(method)}`);
  }
  checkPath(path);
  if (status !== undefined && !(Number.isInteger(status) && status >= 400 && status <= 599)) {
    throw new TypeError(`status must be an HTTP error status from 400 to 599, not ${show(status)}`);
  }
  // A real 421 names the home region; an injected one could not, and a client could not follow it.
  if (status === 421) {
    throw new TypeError("status 421 cannot be injected: use a regional host that is not the account's home");
  }
  if (retryAfter !== undefined) {
    if (!(Number.isInteger(retryAfter) && retryAfter >= 0)) {
      throw new TypeError(`retryAfter must be a whole number of seconds, 0 or more, not ${show(retryAfter)}`);
    }
    if (status !== 429 && status !== 503) {
      throw new TypeError('retryAfter goes with status 429 or 503 only');
    }
  }
  if (delay !== undefined && !(typeof delay === 'number' && Number.isFinite(delay) && delay >= 0)) {
    throw new TypeError(`delay must be a number of milliseconds, 0 or more, not ${show(delay)}`);
  }
  if (network !== undefined && network !== 'reset' && network !== 'lost_response') {
    throw new TypeError(`network must be 'reset' or 'lost_response', not ${show(network)}`);
  }
  if (network !== undefined && status !== undefined) {
    throw new TypeError('network and status cannot be combined: a cut connection answers no status');
  }
  if (times !== undefined && !(Number.isInteger(times) && times >= 1)) {
    throw new TypeError(`times must be a whole number, 1 or more, not ${show(times)}`);
  }
  if (
    probability !== undefined &&
    !(typeof probability === 'number' && probability >= 0 && probability <= 1)
  ) {
    throw new TypeError(`probability must be a number from 0 to 1, not ${show(probability)}`);
  }
  if (status === undefined && delay === undefined && network === undefined) {
    throw new TypeError('A fault rule must do something: give it a status, a delay or a network fault');
  }
  return Object.freeze({ ...rule });
}

function checkPath(path: unknown): asserts path is string {
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw new TypeError(`path must be a string starting with /, such as '/v1/messages', not ${show(path)}`);
  }
  // A rule matches the pathname alone: a query, a fragment or a trailing slash would never match.
  if (/[?#]/.test(path) || (path.length > 1 && path.endsWith('/'))) {
    throw new TypeError(
      `path must be a pathname without a query, a fragment or a trailing /, not ${show(path)}`,
    );
  }
  const segments = path.split('/');
  segments.forEach((segment, index) => {
    if (segment.includes('*') && segment !== '*' && segment !== '**') {
      throw new TypeError(`path may use * and ** only as whole segments, not in '${segment}'`);
    }
    if (segment === '**' && index !== segments.length - 1) {
      throw new TypeError('path may use ** only as its last segment');
    }
  });
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}
