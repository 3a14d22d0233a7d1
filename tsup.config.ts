// Builds: the SDK for Node (undici transport) and for browsers and workers (fetch only, no `node:`),
// `aulm/webhooks`, and `aulm/mock-server` for Node and for browsers; each as ESM and CommonJS with type files.
// And the `aulm-mock` bin.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

// The reference server runs the undici the tests ran, built once into dist/vendor/undici.cjs and required
// from there by its ESM and CommonJS builds alike (a copy inside each would double the package).
const mockServerUndici = fileURLToPath(new URL('./mock-server/undici.js', import.meta.url));
const vendoredUndici: Plugin = {
  name: 'aulm-vendored-undici',
  setup(build) {
    // The reference server's own `./undici.js` only (the SDK's transport has a module of that name too).
    build.onResolve({ filter: /^\.\/undici\.js$/ }, (args) =>
      resolve(args.resolveDir, args.path) === mockServerUndici
        ? { path: '../vendor/undici.cjs', external: true }
        : undefined,
    );
  },
};

// The licences of the code the builds carry inside them, with the versions carried: all are MIT, whose
// notice must travel with the code. libphonenumber-js carries the metadata of Google's libphonenumber,
// under the Apache License 2.0, which it ships beside its own.
const BUNDLED = [
  { name: 'zod', where: 'dist/node, dist/browser, dist/mock-server, dist/mock-server-browser' },
  { name: 'undici', where: 'dist/vendor/undici.cjs (the reference server in Node)' },
  {
    name: 'libphonenumber-js',
    where: 'dist/mock-server, dist/mock-server-browser (the reference server only, with its `min` metadata)',
    licences: ['LICENSE', 'LICENSE.Apache'],
  },
];

function writeNotices(): void {
  const sections = BUNDLED.map(({ name, where, licences = ['LICENSE'] }) => {
    const { version } = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'));
    const texts = licences.map((file) => readFileSync(`node_modules/${name}/${file}`, 'utf8').trim());
    const blocks = texts.map((licence) => `\`\`\`\n${licence}\n\`\`\`\n`).join('\n');
    return `## ${name} ${version}\n\nInside ${where}.\n\n${blocks}`;
  });
  const intro =
    '# Third-party notices\n\nThe builds of aulm carry the code of these packages inside them.\n\n';
  writeFileSync('dist/THIRD_PARTY_NOTICES.md', intro + sections.join('\n'));
}

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
  // zod's code goes inside the SDK's Node build: one file, only the parts the contract uses. Loading zod's
  // own module graph took most of the SDK's start-up, and the zod inside is the one the tests ran.
  { ...common, entry: { index: 'src/index.ts' }, outDir: 'dist/node', platform: 'node', noExternal: ['zod'] },
  {
    ...common,
    entry: { index: 'src/index.ts' },
    outDir: 'dist/browser',
    platform: 'browser',
    // zod/mini inside as well, run without generated code (scripts/browser-build.ts).
    noExternal: ['zod'],
    esbuildPlugins: [browserBuild],
  },
  { ...common, entry: { index: 'src/webhooks/index.ts' }, outDir: 'dist/webhooks', platform: 'neutral' },
  // `aulm/mock-server` for Node: zod and libphonenumber-js inside, undici from dist/vendor, all at the versions
  // the tests ran; msw stays the user's (their `setupServer` runs the mock's handlers), pinned in package.json
  // to the one tested. libphonenumber-js (privacy erasures find numbers in text with it) is the reference
  // server's alone: the SDK's builds never import it.
  {
    ...common,
    entry: { index: 'mock-server/index.ts' },
    outDir: 'dist/mock-server',
    platform: 'node',
    external: ['msw'],
    noExternal: ['zod', 'libphonenumber-js'],
    esbuildPlugins: [vendoredUndici],
    // The CLI below writes into this folder too, from a build that runs at the same time.
    clean: ['!cli.js', '!cli.js.map'],
  },
  // undici as it is published (readable, so no source map), one CommonJS file.
  {
    entry: { undici: 'mock-server/undici.ts' },
    outDir: 'dist/vendor',
    format: ['cjs'],
    platform: 'node',
    target: 'es2022',
    noExternal: ['undici'],
    // As undici wrote them: `node:sqlite`, for one, exists only under its `node:` name.
    removeNodeProtocol: false,
    splitting: false,
    clean: true,
    dts: false,
    banner: { js: '/* undici, MIT License: see ../THIRD_PARTY_NOTICES.md */' },
    onSuccess: async () => writeNotices(),
  },
  // `aulm/mock-server` for browsers (its `browser` condition): MSW's service worker, no undici, no `node:`.
  // A folder of its own: a build that cleans its folder would delete the type files of another sharing it.
  {
    ...common,
    entry: { index: 'mock-server/index.browser.ts' },
    outDir: 'dist/mock-server-browser',
    platform: 'browser',
    external: ['msw'],
    noExternal: ['zod', 'libphonenumber-js'],
    esbuildPlugins: [browserBuild],
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
    external: ['msw'],
    esbuildPlugins: [packageEntry],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
