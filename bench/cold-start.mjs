// Cold start: a fresh `node` process that imports the library and constructs a client, ten times for
// each library (in turn, after a warm-up pass that fills the file cache). Each process prints
// `performance.now()` when done, the time since the process began; the same print from a process that
// imports nothing is subtracted, and the cost of a library is its median minus that one's median. With
// `--baseline`, a process started in the other checkout imports its aulm too.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BASELINE_ROLE, baselineName } from './lib/baseline.mjs';
import { interleaved } from './lib/rounds.mjs';
import { API_KEY } from './lib/wire.mjs';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const ROUNDS = 10;

const NOTHING = 'bare node (imports nothing)';
const aulm = `const { Aulm } = await import('aulm'); new Aulm({ apiKey: '${API_KEY}' });`;
const programs = [
  { name: 'aulm', role: 'subject', code: aulm },
  {
    name: 'openai',
    role: 'peer',
    code: `const { default: OpenAI } = await import('openai'); new OpenAI({ apiKey: 'x' });`,
  },
  {
    name: 'stripe',
    role: 'peer',
    code: `const { default: Stripe } = await import('stripe'); new Stripe('sk_test_x');`,
  },
  { name: 'resend', role: 'peer', code: `const { Resend } = await import('resend'); new Resend('re_x');` },
  { name: NOTHING, role: 'subtracted', code: '' },
];

// `cwd` is the checkout whose package `import('aulm')` reaches by self-reference.
async function timeOnce({ code, cwd = root }) {
  const source = `${code} process.stdout.write(String(performance.now()));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', source], { cwd });
  return Number(stdout);
}

export async function measure(log, { baseline } = {}) {
  const contenders = baseline
    ? [
        programs[0],
        { name: baselineName('aulm'), role: BASELINE_ROLE, vs: 'aulm', code: aulm, cwd: baseline.dir },
        ...programs.slice(1),
      ]
    : programs;
  const results = await interleaved(contenders, { count: ROUNDS }, timeOnce, log);
  const nothing = results.get(NOTHING);
  const rows = contenders.map(({ name, role, vs }) => {
    const total = results.get(name);
    if (role === 'subtracted') return { name, role, ...total, total: total.value };
    const net = total.values.map((value) => value - nothing.value);
    return {
      name,
      role,
      ...(vs ? { vs } : {}),
      value: total.value - nothing.value,
      min: Math.min(...net),
      max: Math.max(...net),
      total: total.value,
    };
  });
  return {
    id: 'cold-start',
    title: 'Cold start',
    how:
      '`await import(library)` then constructing a client, in a fresh `node --input-type=module -e` process ' +
      'started from the repo root (aulm resolves to dist/ through its own exports' +
      `${baseline ? '; "aulm (baseline)" is started from the other checkout, so that it reaches that build' : ''}). ` +
      'Each process prints ' +
      '`performance.now()` at the end, the time since the process began (`performance.timeOrigin`); the ' +
      'value is that minus the median of the same print from a process that imports nothing, so it is the ' +
      'import and construction alone, without Node\'s own start-up or the spawn. "total" keeps them in.',
    unit: 'ms',
    better: 'lower',
    rounds: `median of ${ROUNDS} fresh processes each, after a warm-up pass`,
    rows,
    targets: [
      { subject: 'aulm', against: 'openai', op: '<=', ratio: 0.5, short: 'cold start ÷ openai' },
      { subject: 'aulm', against: 'resend', op: '<', ratio: 1, short: 'cold start ÷ resend' },
    ],
    notes: [],
  };
}
