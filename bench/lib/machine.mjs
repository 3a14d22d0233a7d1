// The machine a run measured, and the check that the package is built: the benchmarks measure dist/.
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
/** The files of a built dist/ that the figures load, in this checkout or in a baseline's. */
export const BUILT = [
  'dist/node/index.js',
  'dist/browser/index.js',
  'dist/webhooks/index.js',
  'dist/mock-server/index.js',
];

/** Node, CPU model and cores, OS, memory and the load average now. */
export function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
  };
}

function newest(directory) {
  let latest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Whether src/ or mock-server/ of the checkout at `dir` changed after its dist/ was built. */
export function changedSinceBuild(dir) {
  const built = Math.min(...BUILT.map((file) => statSync(join(dir, file)).mtimeMs));
  return Math.max(newest(join(dir, 'src')), newest(join(dir, 'mock-server'))) > built;
}

/** Exits with a message when dist/ is missing; warns when src/ or mock-server/ changed after the build. */
export function requireBuild() {
  const missing = BUILT.filter((file) => !existsSync(join(root, file)));
  if (missing.length > 0) {
    const verb = missing.length > 1 ? 'are' : 'is';
    console.error(
      `The benchmarks measure the built package, and ${missing.join(', ')} ${verb} missing: run \`npm run build\` first.`,
    );
    process.exit(1);
  }
  if (changedSinceBuild(root)) {
    console.warn(
      'Note: src/ or mock-server/ changed after the last build; these figures measure dist/ as built.',
    );
  }
}
