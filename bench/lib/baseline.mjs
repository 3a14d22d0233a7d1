// Another build of aulm measured beside this one in the same run (`npm run bench -- --baseline <dir>`): a
// checkout of the package, its dist/ built, whose rows take turns with the others within each round. Its
// modules are loaded through its own package.json `exports` (as `import 'aulm'` would be inside it), so
// they bring its own node_modules (zod, undici, msw), as that build would be used.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILT, changedSinceBuild } from './machine.mjs';

/** The role of a row measuring the baseline build; no target is ever read against such a row. */
export const BASELINE_ROLE = 'baseline-build';

/** The name of the baseline build's row beside a row of the current build: `aulm (baseline)`. */
export const baselineName = (name) => `${name} (baseline)`;

function git(dir, args) {
  try {
    return execFileSync('git', ['-C', dir, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/** The commit a checkout is at (`git rev-parse --short HEAD`), `unknown` outside git. */
export function commitOf(dir) {
  return git(dir, ['rev-parse', '--short', 'HEAD']) ?? 'unknown';
}

/**
 * The baseline checkout at `dir`, checked: an aulm package with dist/ built. Returns `{ dir, commit }`
 * (the absolute path, and the short commit it is at); throws with a message to print otherwise.
 */
export function openBaseline(dir, { warn = true } = {}) {
  const absolute = resolve(dir);
  const manifest = join(absolute, 'package.json');
  if (!existsSync(manifest)) throw new Error(`--baseline ${dir}: no package.json there.`);
  const { name } = JSON.parse(readFileSync(manifest, 'utf8'));
  if (name !== 'aulm') throw new Error(`--baseline ${dir}: the package there is ${name}, not aulm.`);
  const missing = BUILT.filter((file) => !existsSync(join(absolute, file)));
  if (missing.length > 0) {
    throw new Error(
      `--baseline ${dir}: ${missing.join(', ')} missing; run \`npm ci && npm run build\` in that checkout.`,
    );
  }
  if (warn && changedSinceBuild(absolute)) {
    console.warn(`Note: src/ or mock-server/ of ${absolute} changed after its build; its dist/ is measured.`);
  }
  return { dir: absolute, commit: commitOf(absolute) };
}

/**
 * `--baseline <dir>` (or `--baseline=<dir>`) taken out of command-line arguments: `{ dir, rest }`, `dir`
 * undefined when the flag is absent; throws when it names no directory.
 */
export function splitBaseline(args) {
  const at = args.findIndex((arg) => arg === '--baseline' || arg.startsWith('--baseline='));
  if (at === -1) return { dir: undefined, rest: args };
  const inline = args[at].startsWith('--baseline=');
  const dir = inline ? args[at].slice('--baseline='.length) : args[at + 1];
  if (!dir || dir.startsWith('--')) {
    throw new Error('--baseline needs the path of a checkout of aulm whose dist/ is built.');
  }
  return { dir, rest: args.filter((_, index) => index < at || index > (inline ? at : at + 1)) };
}

// The conditions Node matches when a module `import`s a package.
const CONDITIONS = new Set(['node', 'import', 'default']);

function targetOf(entry) {
  if (typeof entry === 'string') return entry;
  if (Array.isArray(entry)) {
    for (const each of entry) {
      const target = targetOf(each);
      if (target) return target;
    }
    return undefined;
  }
  if (entry && typeof entry === 'object') {
    for (const [condition, value] of Object.entries(entry)) {
      if (!CONDITIONS.has(condition)) continue;
      const target = targetOf(value);
      if (target) return target;
    }
  }
  return undefined;
}

/**
 * The file `import 'aulm' + subpath` reaches inside the checkout at `dir`, read from its package.json
 * `exports` with Node's conditions for an import (`node`, `import`, `default`). Exact subpaths only.
 */
export function exportOf(dir, subpath = '.') {
  const { exports } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  // `exports` maps subpaths (`.`, `./webhooks`) or, for `.` alone, is the entry itself.
  const bySubpath =
    exports !== null &&
    typeof exports === 'object' &&
    !Array.isArray(exports) &&
    Object.keys(exports).every((key) => key.startsWith('.'));
  const target = targetOf(bySubpath ? exports[subpath] : subpath === '.' ? exports : undefined);
  if (!target) throw new Error(`${dir}/package.json exports nothing for ${subpath} to an import`);
  return join(dir, target);
}

/** Imports `aulm` (`subpath` `.`), `aulm/webhooks` (`./webhooks`)… from the checkout at `dir`. */
export function importFrom(dir, subpath = '.') {
  return import(pathToFileURL(exportOf(dir, subpath)).href);
}

/** Requires a dependency (`undici`) as the checkout at `dir` resolves it, from its own node_modules. */
export function requireFrom(dir, name) {
  return createRequire(join(dir, 'package.json'))(name);
}
