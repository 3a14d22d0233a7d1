// What turns the SDK's sources into its browser and worker build (tsup.config.ts), also used by the tests
// that hold that build to the Node one: the fetch-only transport in place of the Node one, no fast path
// through the schemas, the subset of zod/mini the contract uses (src/contract/zod-subset/) in place of zod,
// and zod's two string patterns that the subset needs written out as values, read from zod at build time.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { regexes } from 'zod/v4/core';

const source = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

// The patterns module as values: `z.iso.datetime` for the options the subset allows (no `local`, no
// `precision`: the contract uses neither), and the email pattern.
function patternsModule(): string {
  const datetime = (offset: boolean) => regexes.datetime({ offset, local: false, precision: null } as never);
  return [
    `export const email = ${regexes.email};`,
    `const datetimes = [${datetime(false)}, ${datetime(true)}];`,
    'export function datetime(options) {',
    '  if (options.local || options.precision !== null) throw new Error("z.iso.datetime: only `offset` is in the subset");',
    '  return datetimes[options.offset ? 1 : 0];',
    '}',
  ].join('\n');
}

/** The esbuild plugin of the browser build. */
export const browserBuild: Plugin = {
  name: 'aulm-browser-build',
  setup(build) {
    build.onResolve({ filter: /\/transport\/default\.js$/ }, () => ({
      path: source('transport/default.browser.ts'),
    }));
    build.onResolve({ filter: /\/fast-path\.js$/ }, () => ({
      path: source('contract/fast-path.browser.ts'),
    }));
    build.onResolve({ filter: /^zod\/mini$/ }, () => ({ path: source('contract/zod-subset/index.ts') }));
    build.onLoad({ filter: /zod-subset[\\/]patterns\.ts$/ }, () => ({
      contents: patternsModule(),
      loader: 'js',
    }));
  },
};
