// `npm run bench [-- [--baseline <dir>] figure ...]`: runs every figure (or the ones named), each in a
// process of its own, then writes bench/results.json and renders docs/benchmarks.md and docs/benchmarks.svg
// from it. A run of some figures keeps the others' last results; `--render` only renders the docs again
// from the JSON. `--baseline <dir>` adds rows for the build in another checkout of aulm (its dist/ built)
// beside the current build's, in the same rounds. Needs `npm run build` first: it measures dist/.
import { execFileSync, fork } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BASELINE_ROLE, commitOf, openBaseline, splitBaseline } from './lib/baseline.mjs';
import { chartSVG } from './lib/chart.mjs';
import { machine, requireBuild } from './lib/machine.mjs';
import { formatValue, renderReport } from './lib/report.mjs';
import { evaluate } from './lib/targets.mjs';

const FIGURES = ['throughput', 'pagination', 'verify', 'bundle', 'cold-start', 'mock-server'];
const file = (path) => fileURLToPath(new URL(path, import.meta.url));
const RESULTS = file('./results.json');

const args = process.argv.slice(2);
let baseline;
let asked;
try {
  const { dir, rest } = splitBaseline(args);
  if (dir !== undefined && args.includes('--render')) {
    throw new Error('--render renders the last results again: it takes no --baseline.');
  }
  baseline = dir === undefined ? undefined : openBaseline(dir);
  asked = rest.filter((arg) => arg !== '--render');
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const render = args.includes('--render');
const unknown = asked.filter((name) => !FIGURES.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown figure ${unknown.join(', ')}: choose from ${FIGURES.join(', ')}.`);
  process.exit(1);
}
const chosen = render ? [] : asked.length > 0 ? FIGURES.filter((name) => asked.includes(name)) : FIGURES;
if (!render) requireBuild();

// One figure in a child process (lib/child.mjs), its result sent back over IPC.
function runFigure(name) {
  return new Promise((resolve, reject) => {
    const child = fork(file('./lib/child.mjs'), [name, ...(baseline ? ['--baseline', baseline.dir] : [])], {
      execArgv: ['--expose-gc'],
      stdio: 'inherit',
    });
    let result;
    child.on('message', (message) => {
      result = message;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      result
        ? resolve(result)
        : reject(
            new Error(
              `The ${name} benchmark failed (exit code ${code}); if dist/ was being rebuilt, run it again.`,
            ),
          ),
    );
  });
}

const begin = performance.now();
const host = machine();
const commit = commitOf(file('..'));
if (baseline) console.log(`Baseline: ${baseline.dir} at ${baseline.commit}; current build: ${commit}.`);
const fresh = [];
for (const name of chosen) {
  console.log(`\n${name}`);
  const started = performance.now();
  const figures = [await runFigure(name)].flat();
  const date = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  // Each figure keeps the commits it measured, as a later run of other figures keeps it as it is.
  for (const figure of figures) {
    const hasBaseline = figure.rows.some((row) => row.role === BASELINE_ROLE);
    fresh.push({ ...figure, module: name, date, commit, ...(hasBaseline ? { baseline } : {}) });
  }
  console.log(`  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : { figures: [] };
const kept = previous.figures.filter((figure) => !chosen.includes(figure.module));
const figures = [...kept, ...fresh].sort((a, b) => FIGURES.indexOf(a.module) - FIGURES.indexOf(b.module));
const results = render
  ? previous
  : {
      command: `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`,
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      seconds: (performance.now() - begin) / 1000,
      machine: { ...host, loadAverage: { start: host.loadAverage, end: machine().loadAverage } },
      figures,
    };
if (!render) {
  // Six significant digits are plenty; Biome then formats the file as the repo's check expects.
  const rounded = (_key, value) => (typeof value === 'number' ? Number(value.toPrecision(6)) : value);
  writeFileSync(RESULTS, `${JSON.stringify(results, rounded, 2)}\n`);
  const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
  execFileSync(process.execPath, [biome, 'format', '--write', RESULTS], { stdio: 'ignore' });
}
writeFileSync(file('../docs/benchmarks.md'), renderReport(results));
writeFileSync(file('../docs/benchmarks.svg'), await chartSVG(figures.flatMap(evaluate)));

console.log(
  `\n${figures.flatMap(evaluate).filter((target) => target.met).length} of ${figures.flatMap(evaluate).length} targets met`,
);
for (const target of figures.flatMap(evaluate)) {
  const measured =
    target.limit === undefined
      ? `${target.measured.toFixed(2)} ×`
      : formatValue(target.measured, target.unit);
  console.log(`  ${target.met ? 'met   ' : 'MISSED'}  ${target.label}: ${measured} (target ${target.text})`);
}
console.log(
  render
    ? 'Rendered docs/benchmarks.md and docs/benchmarks.svg from bench/results.json.'
    : `Wrote bench/results.json, docs/benchmarks.md and docs/benchmarks.svg in ${results.seconds.toFixed(0)} s.`,
);
