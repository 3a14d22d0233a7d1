// What `npm pack` would publish: the build and the few files a user needs, nothing else (no sources, no tests,
// no scratch), with every file the package.json points at present and the `aulm-mock` bin executable.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const NODE_BUILTINS = new Set(builtinModules);

interface PackedFile {
  path: string;
  size: number;
  mode: number;
}

// The builds, each an ESM and a CommonJS bundle with its source map and its two type files.
const builds = ['node', 'browser', 'webhooks', 'mock-server', 'mock-server-browser'];
const perBuild = ['index.js', 'index.js.map', 'index.cjs', 'index.cjs.map', 'index.d.ts', 'index.d.cts'];
const expected = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'package.json',
  'dist/mock-server/cli.js',
  'dist/mock-server/cli.js.map',
  'dist/vendor/undici.cjs', // the undici the reference server runs, as it is published: no map
  'dist/THIRD_PARTY_NOTICES.md', // the licences of zod, undici and libphonenumber-js, which the builds carry
  ...builds.flatMap((build) => perBuild.map((file) => `dist/${build}/${file}`)),
].sort();

/** Every file path package.json points at: main, module, types, typesVersions, bin, exports. */
function pointedAt(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('./') ? [value.slice(2)] : [];
  if (Array.isArray(value)) return value.flatMap(pointedAt);
  if (value && typeof value === 'object') return Object.values(value).flatMap(pointedAt);
  return [];
}

describe('npm pack', () => {
  let files: PackedFile[];

  beforeAll(async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json'], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    });
    files = (JSON.parse(stdout) as [{ files: PackedFile[] }])[0].files;
  }, 60_000);

  it('holds exactly the build, README, CHANGELOG, LICENSE and package.json', () => {
    expect(files.map((file) => file.path).sort()).toEqual(expected);
  });

  it('holds no sources, tests, scratch or maps of them', () => {
    for (const { path } of files) {
      expect(path).toMatch(/^(dist\/|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/);
      expect(path).not.toMatch(/^(src|test|mock-server|scratch|bench|examples|docs)\//);
      expect(path).not.toMatch(
        /(^|\/)(test|tests|__tests__|fixtures)\/|\.(test|spec)\.|\.tsbuildinfo$|\.tgz$/,
      );
      // TypeScript sources only as declarations.
      if (path.endsWith('.ts') || path.endsWith('.cts') || path.endsWith('.mts'))
        expect(path).toMatch(/\.d\.c?ts$/);
    }
  });

  it('ships source maps of the library (and the zod, undici and libphonenumber-js it bundles) only, never of tests or scratch', () => {
    const maps = files.filter((file) => file.path.endsWith('.map'));
    expect(maps.length).toBe(11);
    for (const { path } of maps) {
      const { sources } = JSON.parse(readFileSync(join(root, path), 'utf8')) as { sources: string[] };
      expect(
        sources.filter(
          // The builds hold zod's code (the SDK's for start-up time, all for the versions the tests ran) and
          // the reference server holds undici's and libphonenumber-js's, so their maps name those files too.
          (source) =>
            !/^\.\.\/\.\.\/((src|mock-server|node_modules\/(zod|undici|libphonenumber-js))\/|package\.json$)/.test(
              source,
            ),
        ),
      ).toEqual([]);
    }
  });

  // libphonenumber-js finds erased numbers in text for the reference server; the SDK has no use for it.
  it('carries libphonenumber-js in the reference server’s builds, and in no build of the SDK', () => {
    const mapped = (path: string) =>
      (JSON.parse(readFileSync(join(root, path), 'utf8')) as { sources: string[] }).sources.some((source) =>
        source.includes('node_modules/libphonenumber-js/'),
      );
    for (const build of ['mock-server', 'mock-server-browser']) {
      for (const file of ['index.js.map', 'index.cjs.map'])
        expect(mapped(`dist/${build}/${file}`), build).toBe(true);
    }
    for (const build of ['node', 'browser', 'webhooks']) {
      for (const file of ['index.js', 'index.cjs']) {
        expect(mapped(`dist/${build}/${file}.map`), build).toBe(false);
        expect(readFileSync(join(root, `dist/${build}/${file}`), 'utf8'), build).not.toContain(
          'libphonenumber',
        );
      }
    }
  });

  it('holds every file package.json points at', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    const paths = new Set(files.map((file) => file.path));
    const targets = ['main', 'module', 'types', 'typesVersions', 'bin', 'exports'].flatMap((field) =>
      pointedAt(pkg[field]),
    );
    expect(targets.length).toBeGreaterThan(20);
    expect(targets.filter((target) => !paths.has(target))).toEqual([]);
  });

  it('ships the aulm-mock bin executable, with its shebang', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(pkg.bin).toEqual({ 'aulm-mock': './dist/mock-server/cli.js' });
    const cli = files.find((file) => file.path === 'dist/mock-server/cli.js');
    expect(cli).toBeDefined();
    expect(cli!.mode & 0o111).toBe(0o111);
    expect(readFileSync(join(root, 'dist/mock-server/cli.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  // Every build carries the versions the tests ran: what a user installs beside aulm is undici for the SDK's
  // Node transport and, for the reference server, msw at exactly the version the tests ran.
  it('imports from outside the package only undici, msw and Node, so no zod the tests did not run', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(['undici']);
    expect(pkg.peerDependencies).toEqual({ msw: pkg.devDependencies!.msw });
    expect(pkg.devDependencies!.msw).toMatch(/^\d+\.\d+\.\d+$/);
    const specifiers = new Set<string>();
    const patterns = [
      /^\s*(?:import|export)\b[^'"\n]*?\bfrom\s*['"]([^'"]+)['"]/gm, // import … from, export … from
      /^\s*import\s*['"]([^'"]+)['"]/gm, // import 'x'
      /\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g, // require('x'), import('x')
    ];
    for (const { path } of files.filter((file) => /\.(c?js|d\.c?ts)$/.test(file.path))) {
      const text = readFileSync(join(root, path), 'utf8');
      for (const pattern of patterns)
        for (const [, specifier] of text.matchAll(pattern))
          if (!specifier!.startsWith('.')) specifiers.add(specifier!);
    }
    const packages = [...specifiers]
      .filter((name) => !name.startsWith('node:') && !NODE_BUILTINS.has(name))
      .map((name) => name.split('/')[0]!);
    expect([...new Set(packages)].sort()).toEqual(['msw', 'undici']);
  });

  it('carries the licence of each package it bundles, at the version the lock file holds', () => {
    const notices = readFileSync(join(root, 'dist/THIRD_PARTY_NOTICES.md'), 'utf8');
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version: string }>;
    };
    for (const name of ['zod', 'undici', 'libphonenumber-js']) {
      expect(notices).toContain(`## ${name} ${lock.packages[`node_modules/${name}`]!.version}\n`);
      expect(notices).toContain(readFileSync(join(root, `node_modules/${name}/LICENSE`), 'utf8').trim());
    }
    // libphonenumber-js's metadata is Google's libphonenumber's, under the Apache License 2.0.
    expect(notices).toContain(
      readFileSync(join(root, 'node_modules/libphonenumber-js/LICENSE.Apache'), 'utf8').trim(),
    );
  });

  it('gives the reference server undici from dist/vendor only, never the undici a user resolves', () => {
    for (const path of ['dist/mock-server/index.js', 'dist/mock-server/index.cjs']) {
      const text = readFileSync(join(root, path), 'utf8');
      expect(text, path).toMatch(/["']\.\.\/vendor\/undici\.cjs["']/);
      expect(text, path).not.toMatch(/(?:from\s*|require\(\s*)["']undici["']/);
    }
  });
});
