// Builds: the SDK for Node (undici transport) and for browsers and workers (fetch only, no `node:`),
// `aulm/webhooks`, and `aulm/mock-server` for Node and for browsers; each as ESM and CommonJS with type files.
// And the `aulm-mock` bin.
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';
import { browserBuild } from './scripts/browser-build.js';

// The CLI loads the built `aulm/mock-server` (dist/mock-server/index.js) at run time, not a copy of it.
const packageEntry: Plugin = {
  name: 'aulm-cli-package-entry',
  setup(build) {
    build.onResolve({ filter: /^\.\/index\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

const common: Options = {
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  target: 'es2022',
  treeshake: true,
  splitting: false,
  clean: true,
};

export default defineConfig([
  // zod's code goes inside the SDK's Node build (its types stay imports of `zod`): one file, only the parts
  // the contract uses. Loading zod's own module graph took most of the SDK's start-up.
  { ...common, entry: { index: 'src/index.ts' }, outDir: 'dist/node', platform: 'node', noExternal: ['zod'] },
  {
    ...common,
    entry: { index: 'src/index.ts' },
    outDir: 'dist/browser',
    platform: 'browser',
    // zod is not imported here at all: `zod/mini` is the subset, which takes two patterns from zod's core.
    noExternal: ['zod'],
    esbuildPlugins: [browserBuild],
  },
  { ...common, entry: { index: 'src/webhooks/index.ts' }, outDir: 'dist/webhooks', platform: 'neutral' },
  {
    ...common,
    entry: { index: 'mock-server/index.ts' },
    outDir: 'dist/mock-server',
    platform: 'node',
    external: ['msw', 'undici', 'zod'],
    // The CLI below writes into this folder too, from a build that runs at the same time.
    clean: ['!cli.js', '!cli.js.map'],
  },
  // `aulm/mock-server` for browsers (its `browser` condition): MSW's service worker, no undici, no `node:`.
  // A folder of its own: a build that cleans its folder would delete the type files of another sharing it.
  {
    ...common,
    entry: { index: 'mock-server/index.browser.ts' },
    outDir: 'dist/mock-server-browser',
    platform: 'browser',
    external: ['msw', 'zod'],
  },
  // `aulm-mock`, the package's bin: ESM only, runnable as it is (the shebang makes tsup mark it executable).
  {
    entry: { cli: 'mock-server/cli.ts' },
    outDir: 'dist/mock-server',
    format: ['esm'],
    platform: 'node',
    target: 'es2022',
    sourcemap: true,
    treeshake: true,
    splitting: false,
    clean: false,
    dts: false,
    external: ['msw', 'undici', 'zod'],
    esbuildPlugins: [packageEntry],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
