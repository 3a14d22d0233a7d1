// What turns the SDK's sources into its browser and worker build (tsup.config.ts), also used by the tests
// that hold that build to the Node one: the fetch-only transport in place of the Node one, and zod/mini as
// those builds run it, without generated code (src/contract/zod-mini.browser.ts).
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

const source = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));
const zodMini = source('contract/zod-mini.browser.ts');

/** The esbuild plugin of the browser build. */
export const browserBuild: Plugin = {
  name: 'aulm-browser-build',
  setup(build) {
    build.onResolve({ filter: /\/transport\/default\.js$/ }, () => ({
      path: source('transport/default.browser.ts'),
    }));
    // Every `zod/mini` but the one that module imports itself.
    build.onResolve({ filter: /^zod\/mini$/ }, (args) =>
      args.importer === zodMini ? undefined : { path: zodMini },
    );
  },
};
