// The runtime matrix (`npm run test:runtimes`): the built package's smoke suite (smoke.mjs) under this
// machine's Node, Node 22 and 24, Bun and Deno (the last four from the npm registry, installed here by
// `npm ci` from package-lock.json), one after another, each against a fresh state of one standalone
// reference server. Needs `npm run build` first; prints a table and exits 1 if any runtime fails.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..', '..');
const MODULES = join(HERE, 'node_modules');
const TIMEOUT = 120_000;

function fail(message) {
  console.error(`test:runtimes: ${message}`);
  process.exit(1);
}

// The built package, as the smoke suite imports it.
function requireBuild() {
  const entries = ['node/index.js', 'node/index.cjs', 'browser/index.js', 'browser/index.cjs'];
  entries.push('webhooks/index.js', 'mock-server/index.js');
  const missing = entries.filter((entry) => !existsSync(join(ROOT, 'dist', entry)));
  if (missing.length > 0) fail(`dist/ is missing ${missing.join(', ')}: run \`npm run build\` first.`);
  const built = statSync(join(ROOT, 'dist', 'node', 'index.js')).mtimeMs;
  const changed = readdirSync(join(ROOT, 'src'), { recursive: true })
    .map((file) => join(ROOT, 'src', file))
    .filter((file) => statSync(file).mtimeMs > built);
  if (changed.length > 0) console.warn(`warning: src/ changed after the build (${changed.length} files)`);
}

// `npm ci` here when node_modules is missing or was installed from another package-lock.json.
function installRuntimes() {
  const lock = createHash('sha256')
    .update(readFileSync(join(HERE, 'package-lock.json')))
    .digest('hex');
  const stamp = join(MODULES, '.installed-lock');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lock) {
    console.log('Installing the runtimes: npm ci in test/runtimes');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const args = ['ci', '--no-audit', '--no-fund'];
    const result = spawnSync(npm, args, { cwd: HERE, stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0) fail('npm ci in test/runtimes failed');
    writeFileSync(stamp, lock);
  }
  // `aulm` resolves as in a user's project: node_modules/aulm (a link to the repository), through the
  // package's exports map.
  const link = join(MODULES, 'aulm');
  const target = process.platform === 'win32' ? ROOT : join('..', '..', '..');
  let current;
  try {
    current = readlinkSync(link);
  } catch {}
  if (current === target) return;
  if (current !== undefined) unlinkSync(link);
  symlinkSync(target, link, 'junction');
}

// The one installed package of a set of platform packages (`node22-linux-x64`, `@oven/bun-linux-x64`).
function installed(scope, prefix, binary) {
  const folder = join(MODULES, scope);
  const found = existsSync(folder)
    ? readdirSync(folder).filter((name) => name.startsWith(prefix) && existsSync(join(folder, name, binary)))
    : [];
  if (found.length === 0) return undefined;
  const home = join(folder, found[0]);
  return { bin: join(home, binary), version: JSON.parse(readFileSync(join(home, 'package.json'))).version };
}

function runtimes() {
  const exe = process.platform === 'win32' ? '.exe' : '';
  const host = process.versions.node;
  const list = [
    { label: `Node ${host.split('.')[0]} (this node)`, name: 'node', bin: process.execPath, version: host },
  ];
  for (const major of ['22', '24']) {
    list.push({ label: `Node ${major}`, name: 'node', ...installed('', `node${major}-`, `bin/node${exe}`) });
  }
  list.push({ label: 'Bun', name: 'bun', ...installed('@oven', 'bun-', `bin/bun${exe}`) });
  list.push({
    label: 'Deno',
    name: 'deno',
    args: ['run', '-A', '--no-lock'],
    ...installed('@deno', '', `deno${exe}`),
  });
  return list;
}

// Runs the smoke suite under one runtime, its output indented; resolves to whether it passed.
function smoke(runtime, server, state) {
  const env = {
    ...process.env,
    AULM_SMOKE_URL: server.url,
    AULM_SMOKE_KEY: state.api_key,
    AULM_SMOKE_SESSION: state.session_id,
    AULM_SMOKE_RUNTIME: runtime.name,
    AULM_SMOKE_VERSION: runtime.version,
    NO_COLOR: '1',
    DENO_NO_UPDATE_CHECK: '1',
  };
  for (const name of ['AULM_API_KEY', 'AULM_LOG', 'NODE_OPTIONS']) delete env[name];
  const child = spawn(runtime.bin, [...(runtime.args ?? []), 'smoke.mjs'], { cwd: HERE, env });
  const timer = setTimeout(() => {
    console.log(`    timed out after ${TIMEOUT / 1000} s`);
    child.kill('SIGKILL');
  }, TIMEOUT);
  const indent = (chunk) => chunk.toString().replace(/^(?=.)/gm, '    ');
  child.stdout.on('data', (chunk) => process.stdout.write(indent(chunk)));
  child.stderr.on('data', (chunk) => process.stderr.write(indent(chunk)));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      clearTimeout(timer);
      console.log(`    could not start ${runtime.bin}: ${error.message}`);
      resolve(false);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}

requireBuild();
installRuntimes();
const { startStandalone } = await import(pathToFileURL(join(ROOT, 'dist', 'mock-server', 'index.js')).href);
const server = await startStandalone({ port: 0, host: '127.0.0.1', seed: 1, clock: 'manual' });
const rows = [];
try {
  for (const runtime of runtimes()) {
    const started = performance.now();
    let passed = false;
    if (runtime.bin === undefined) {
      console.log(`\n${runtime.label}: not installed for ${process.platform}-${process.arch}`);
    } else {
      console.log(`\n${runtime.label} (${runtime.bin})`);
      const reset = await fetch(`${server.url}/__mock/reset`, { method: 'POST' });
      passed = await smoke(runtime, server, await reset.json());
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    rows.push([runtime.label, runtime.version ?? '-', passed ? 'pass' : 'FAIL', `${seconds} s`]);
  }
} finally {
  await server.close();
}

const table = [['runtime', 'version', 'result', 'time'], ...rows];
const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
console.log('');
for (const row of table) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
process.exit(rows.every((row) => row[2] === 'pass') ? 0 : 1);
