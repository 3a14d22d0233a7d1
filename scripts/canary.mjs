// `npm run test:canary`: the tests of the contract, the SDK and the reference server, run with the newest
// zod, msw and undici that the ranges in package.json allow, in a temporary copy of the project (this one is
// left as it is). The lock file holds the versions every other run uses; this says whether the next ones
// work before a user meets them. Not part of `.ci/run`: its answer changes as the registry does.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGES = ['zod', 'msw', 'undici'];
const TESTS = [
  'test/contract',
  'test/core',
  'test/transport',
  'test/resources',
  'test/webhooks',
  'test/mock-server',
  'test/e2e',
];
const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const keep = process.argv.includes('--keep');

function npm(args, options = {}) {
  return execFileSync('npm', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...options });
}

// Every range package.json declares for a package (dependency, peer, dev), which a version must meet at once.
function rangesOf(name) {
  return ['dependencies', 'peerDependencies', 'devDependencies']
    .map((field) => manifest[field]?.[name])
    .filter((range) => range !== undefined);
}

// The versions the registry has that meet every range, oldest first (semver's order, as npm gives it).
function versionsWithin(name, ranges) {
  const answer = npm(['view', `${name}@${ranges.join(' ')}`, 'version', '--json']).trim();
  const versions = answer === '' ? [] : JSON.parse(answer);
  return Array.isArray(versions) ? versions : [versions];
}

function locked(name) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  return lock.packages[`node_modules/${name}`]?.version;
}

const plan = PACKAGES.map((name) => {
  const ranges = rangesOf(name);
  const within = versionsWithin(name, ranges);
  const latest = npm(['view', name, 'version']).trim();
  return { name, ranges, locked: locked(name), newest: within.at(-1), latest };
});

console.log('package   declared ranges            locked     newest in range   latest published');
for (const { name, ranges, locked: lockedVersion, newest, latest } of plan) {
  console.log(
    `${name.padEnd(9)} ${ranges.join(' and ').padEnd(26)} ${String(lockedVersion).padEnd(10)} ${String(newest).padEnd(17)} ${latest}`,
  );
}
const missing = plan.filter((each) => each.newest === undefined);
if (missing.length > 0) {
  console.error(`No published version meets the ranges of ${missing.map((each) => each.name).join(', ')}.`);
  process.exit(1);
}

// The project's files as git sees them (tracked, or new and not ignored), without node_modules or dist.
const copy = mkdtempSync(join(tmpdir(), 'aulm-canary-'));
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\0')
  .filter(Boolean);
for (const file of files) {
  mkdirSync(dirname(join(copy, file)), { recursive: true });
  try {
    cpSync(join(root, file), join(copy, file));
  } catch (error) {
    if (error.code !== 'ENOENT') throw error; // a tracked file deleted in the working tree
  }
}
console.log(`\nA copy of the project in ${copy}: npm ci, then the newest versions in range.`);

const quiet = { cwd: copy, stdio: 'inherit' };
npm(['ci', '--no-audit', '--no-fund'], quiet);
npm(
  ['install', '--no-audit', '--no-fund', '--no-save', ...plan.map(({ name, newest }) => `${name}@${newest}`)],
  quiet,
);
const installed = plan.map(({ name }) => {
  const { version } = JSON.parse(readFileSync(join(copy, 'node_modules', name, 'package.json'), 'utf8'));
  return `${name} ${version}`;
});
console.log(`Installed: ${installed.join(', ')}.`);

npm(['run', 'build'], quiet);
const run = spawnSync(process.execPath, [join(copy, 'node_modules/vitest/vitest.mjs'), 'run', ...TESTS], {
  cwd: copy,
  stdio: 'inherit',
});

if (keep) console.log(`\nThe copy stays in ${copy} (--keep).`);
else rmSync(copy, { recursive: true, force: true });
const passed = run.status === 0;
console.log(
  passed
    ? `\nThe canary passed with ${installed.join(', ')}: the lock file may move to them.`
    : `\nThe canary FAILED with ${installed.join(', ')}: a user who resolves these versions meets what failed above.`,
);
process.exit(passed ? 0 : 1);
