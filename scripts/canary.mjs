// `npm run test:canary [-- --try name@version ...] [--keep]`: the typecheck and the tests of the contract, the
// SDK and the reference server, run with the newest zod, msw, undici and libphonenumber-js that the ranges in
// package.json allow (or with the versions `--try` names, inside the ranges or not), in a temporary copy of the project;
// this one is left as it is. The lock file holds the versions every other run uses and the package ships;
// this says whether the next ones work before a user meets them. Not part of `.ci/run`: its answer changes
// as the registry does.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const PACKAGES = ['zod', 'msw', 'undici', 'libphonenumber-js'];
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
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const { values } = parseArgs({
  options: {
    try: { type: 'string', multiple: true, default: [] },
    keep: { type: 'boolean', default: false },
  },
});
const tried = new Map(
  values.try.map((spec) => {
    const at = spec.lastIndexOf('@');
    const name = spec.slice(0, at);
    if (at <= 0 || !PACKAGES.includes(name)) {
      console.error(`--try takes name@version for one of ${PACKAGES.join(', ')}; got ${spec}.`);
      process.exit(2);
    }
    return [name, spec.slice(at + 1)];
  }),
);

function npm(args, options = {}) {
  return execFileSync(NPM, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    shell: process.platform === 'win32',
    ...options,
  });
}

// Every range package.json declares for a package (dependency, peer, dev), which a version must meet at once.
function rangesOf(name) {
  return ['dependencies', 'peerDependencies', 'devDependencies']
    .map((field) => manifest[field]?.[name])
    .filter((range) => range !== undefined);
}

// The newest published version that meets every range (semver's order, as npm gives it).
function newestWithin(name, ranges) {
  const answer = npm(['view', `${name}@${ranges.join(' ')}`, 'version', '--json']).trim();
  const versions = answer === '' ? [] : [JSON.parse(answer)].flat();
  return versions.at(-1);
}

function locked(name) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  return lock.packages[`node_modules/${name}`]?.version;
}

const plan = PACKAGES.map((name) => {
  const ranges = rangesOf(name);
  const newest = newestWithin(name, ranges);
  const latest = npm(['view', name, 'version']).trim();
  return { name, ranges, locked: locked(name), newest, latest, run: tried.get(name) ?? newest };
});

console.log('package   declared ranges            locked     newest in range   latest      tried');
for (const each of plan) {
  console.log(
    [
      each.name.padEnd(9),
      each.ranges.join(' and ').padEnd(26),
      String(each.locked).padEnd(10),
      String(each.newest).padEnd(17),
      each.latest.padEnd(11),
      each.run,
    ].join(' '),
  );
}
const missing = plan.filter((each) => each.run === undefined);
if (missing.length > 0) {
  console.error(`No published version meets the ranges of ${missing.map((each) => each.name).join(', ')}.`);
  process.exit(1);
}

// The project's files as git sees them (tracked, or new and not ignored), without node_modules or dist.
const copy = mkdtempSync(join(tmpdir(), 'aulm-canary-'));
let passed = false;
let installed = [];
try {
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
  console.log(`\nA copy of the project in ${copy}: the lock file's install, then the versions tried.`);

  const inCopy = { cwd: copy, stdio: 'inherit' };
  // `install` rather than `ci`: a range just edited in package.json is what is being tried.
  npm(['install', '--no-audit', '--no-fund'], inCopy);
  npm(
    ['install', '--no-audit', '--no-fund', '--no-save', ...plan.map(({ name, run }) => `${name}@${run}`)],
    inCopy,
  );
  installed = plan.map(({ name }) => {
    const { version } = JSON.parse(readFileSync(join(copy, 'node_modules', name, 'package.json'), 'utf8'));
    return `${name} ${version}`;
  });
  console.log(`Installed: ${installed.join(', ')}.`);

  const node = (args) => spawnSync(process.execPath, args, { cwd: copy, stdio: 'inherit' }).status === 0;
  npm(['run', 'build'], inCopy);
  const typed = node([join(copy, 'node_modules/typescript/bin/tsc'), '--noEmit']);
  const tested = node([join(copy, 'node_modules/vitest/vitest.mjs'), 'run', ...TESTS]);
  passed = typed && tested;
  if (!typed) console.log('\nThe typecheck failed (above).');
} finally {
  if (values.keep) console.log(`\nThe copy stays in ${copy} (--keep).`);
  else rmSync(copy, { recursive: true, force: true });
}

console.log(
  passed
    ? `\nThe canary passed with ${installed.join(', ')}: the lock file may move to them.`
    : `\nThe canary FAILED with ${installed.join(', ') || 'the versions above'}: a user who resolves them meets what failed above.`,
);
process.exit(passed ? 0 : 1);
