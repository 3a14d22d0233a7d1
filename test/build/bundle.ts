// Bundles a snippet as a user's bundler would: esbuild resolving `aulm` through the package's `exports`
// map, not through the root tsconfig's `paths`, which point the typechecker at the sources.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The repository's root, with a trailing slash. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/** What a bundle holds: its code, its bytes, and the files that went into it. */
export interface Bundle {
  code: string;
  bytes: Uint8Array;
  inputs: string[];
}

/** Bundles `source` (ESM) for a browser, or for a worker (`neutral` with the `worker` condition). */
export async function bundlePackage(
  source: string,
  options: { platform?: 'browser' | 'neutral'; minify?: boolean } = {},
): Promise<Bundle> {
  const { platform = 'browser', minify = false } = options;
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    metafile: true,
    minify,
    format: 'esm',
    platform,
    mainFields: platform === 'neutral' ? ['module', 'main'] : undefined,
    conditions: platform === 'neutral' ? ['worker'] : undefined,
    logLevel: 'silent',
    tsconfig: `${root}examples/tsconfig.json`,
  });
  const [output] = result.outputFiles;
  return {
    code: output?.text ?? '',
    bytes: output?.contents ?? new Uint8Array(),
    inputs: Object.keys(result.metafile.inputs),
  };
}
