// The logger the client writes to: any object with debug/info/warn/error (the console fits), filtered by
// `logLevel`. Only what describes a request goes in: method, path, status, request id, attempt, timing;
// never the API key, a body, a query string or personal data.

/**
 * Where the client writes its log lines: any object with these four methods, such as `console` or a
 * pino/winston logger.
 *
 * @example
 * ```ts
 * const aulm = new Aulm({ logger: console, logLevel: 'info' });
 * ```
 */
export interface Logger {
  /** Each attempt, before it is sent. */
  debug(message: string, fields?: Record<string, unknown>): void;
  /** Each response, with its status, request id and duration. */
  info(message: string, fields?: Record<string, unknown>): void;
  /** Retries, a followed `421`, a response that did not match the contract, a final 4xx. */
  warn(message: string, fields?: Record<string, unknown>): void;
  /** A final 5xx or connection failure. */
  error(message: string, fields?: Record<string, unknown>): void;
}

/** How much the client logs: `'off'` (the default) up to `'debug'`. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Every log level, quietest first. */
export const LOG_LEVELS: readonly LogLevel[] = ['off', 'error', 'warn', 'info', 'debug'];

/** Returns whether `value` is a log level. */
export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value);
}

/** Returns whether `value` has the four methods of a `Logger`. */
export function isLogger(value: unknown): value is Logger {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['debug', 'info', 'warn', 'error'].every((method) => typeof record[method] === 'function');
}

/** A `Logger` that passes on only the lines at or above its level, and never lets the logger throw. */
export class LevelLogger implements Logger {
  readonly #logger: Logger;
  readonly #rank: number;

  constructor(logger: Logger, level: LogLevel) {
    this.#logger = logger;
    this.#rank = LOG_LEVELS.indexOf(level);
  }

  /** Whether a line at `level` would be written: callers skip building its fields when not. */
  wants(level: Exclude<LogLevel, 'off'>): boolean {
    return LOG_LEVELS.indexOf(level) <= this.#rank;
  }

  debug(message: string, fields?: Record<string, unknown>): void {
    this.#write('debug', message, fields);
  }

  info(message: string, fields?: Record<string, unknown>): void {
    this.#write('info', message, fields);
  }

  warn(message: string, fields?: Record<string, unknown>): void {
    this.#write('warn', message, fields);
  }

  error(message: string, fields?: Record<string, unknown>): void {
    this.#write('error', message, fields);
  }

  #write(level: Exclude<LogLevel, 'off'>, message: string, fields?: Record<string, unknown>): void {
    if (!this.wants(level)) return;
    try {
      this.#logger[level](message, fields);
    } catch {
      // A failing logger must not fail the request it describes.
    }
  }
}
