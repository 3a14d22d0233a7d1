// What the SDK asks of the runtime it runs in: environment variables where there are any, whether this is
// a browser, and a User-Agent to name itself by. No `node:` import: this runs everywhere.
import { VERSION } from './version.js';

interface ProcessLike {
  env?: Record<string, string | undefined>;
  version?: string;
  versions?: Record<string, string | undefined>;
}

function processLike(): ProcessLike | undefined {
  return (globalThis as { process?: ProcessLike }).process;
}

/** Returns an environment variable, trimmed, or undefined where it is unset or there is no environment. */
export function readEnv(name: string): string | undefined {
  try {
    const value = processLike()?.env?.[name]?.trim();
    return value ? value : undefined;
  } catch {
    return undefined; // Deno without --allow-env throws on access.
  }
}

/** Returns whether the code runs in a web page (not a worker, not a server runtime). */
export function isBrowser(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined';
}

/**
 * Returns the `User-Agent` the SDK sends, or null in browsers, which forbid setting it (and where an
 * extra header would widen every CORS preflight).
 */
export function userAgent(): string | null {
  if (isBrowser()) return null;
  const versions = processLike()?.versions;
  const runtime = versions?.bun
    ? `bun/${versions.bun}`
    : versions?.deno
      ? `deno/${versions.deno}`
      : versions?.node
        ? `node/${versions.node}`
        : 'js';
  return `aulm-sdk/${VERSION} (typescript; ${runtime})`;
}
