// Types of bench/bundle.mjs for the test that enforces the bundle budgets (test/build/bundle-budgets.test.ts).

/** One program bundled per library: what it is, and its source. */
export interface Program {
  name: string;
  role: 'subject' | 'peer';
  vs?: string;
  source: string;
}

/** The programs the bundle figure measures, aulm's first. */
export const programs: readonly Program[];

/**
 * Bundles a program for a browser, minified, as a file at the root of the checkout `from` (this one by
 * default); its bytes, its gzipped bytes (level 9), and where they come from.
 */
export function sizeOf(
  source: string,
  options?: { from?: string },
): Promise<{ bytes: number; gzip: number; parts: Record<string, number> }>;

/** Runs the bundle figure; with `baseline`, aulm's programs are bundled from that checkout too. */
export function measure(
  log: (line: string) => void,
  options?: { baseline?: { dir: string; commit: string } },
): Promise<unknown>;
