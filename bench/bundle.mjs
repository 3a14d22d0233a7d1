// Browser bundle size: a small program per library, bundled by esbuild (`--bundle --minify
// --platform=browser --format=esm`) and gzipped at level 9. aulm is bundled from the built dist/ through
// the package's own exports (its `browser` condition), the peers from node_modules the same way.
// esbuild errors if a program pulls in a `node:` module, as a browser build must not. With `--baseline`,
// aulm's two programs are bundled again from the other checkout (its dist/, through its own exports).
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { BASELINE_ROLE, baselineName } from './lib/baseline.mjs';

const root = new URL('..', import.meta.url).pathname;
const KB = 1024;

// What each program does: enough calls that the bundler keeps what a real use would need.
export const programs = [
  {
    name: 'aulm client: send, list logs, verify',
    role: 'subject',
    source: `
      import { Aulm, verifyWebhook } from 'aulm';
      const aulm = new Aulm({ apiKey: 'aulm_test_x', dangerouslyAllowBrowser: true });
      export async function main(body, headers) {
        await aulm.messages.send({ sessionId: 'ses_1', to: '+447700900123', text: 'hi' });
        for await (const log of aulm.logs.list()) console.log(log.id);
        return verifyWebhook(body, headers, { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });
      }`,
  },
  {
    name: 'aulm/webhooks: verify alone',
    role: 'subject',
    source: `
      import { verifyWebhook } from 'aulm/webhooks';
      export const main = (body, headers) => verifyWebhook(body, headers, { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });`,
  },
  {
    name: 'openai client: a POST',
    role: 'peer',
    vs: 'aulm client: send, list logs, verify',
    source: `
      import OpenAI from 'openai';
      const openai = new OpenAI({ apiKey: 'x', dangerouslyAllowBrowser: true });
      export const main = () => openai.post('/v1/messages', { body: { text: 'hi' } });`,
  },
  {
    name: 'stripe client: create a customer, constructEvent',
    role: 'peer',
    vs: 'aulm client: send, list logs, verify',
    source: `
      import Stripe from 'stripe';
      const stripe = new Stripe('sk_test_x');
      export async function main(body, signature) {
        await stripe.customers.create({ email: 'a@example.com' });
        return stripe.webhooks.constructEventAsync(body, signature, 'whsec_x');
      }`,
  },
  {
    name: 'resend client: send an email',
    role: 'peer',
    vs: 'aulm client: send, list logs, verify',
    source: `
      import { Resend } from 'resend';
      const resend = new Resend('re_x');
      export const main = () => resend.emails.send({ from: 'a@example.com', to: 'b@example.com', subject: 'hi', text: 'hi' });`,
  },
  {
    name: 'standardwebhooks (svix): verify alone',
    role: 'peer',
    vs: 'aulm/webhooks: verify alone',
    source: `
      import { Webhook } from 'standardwebhooks';
      export const main = (body, headers) => new Webhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw').verify(body, headers);`,
  },
];

// The peers each target is read against: the smallest of them as measured in the run.
const PEER_CLIENTS = [
  'openai client: a POST',
  'stripe client: create a customer, constructEvent',
  'resend client: send an email',
];
const PEER_VERIFIERS = ['standardwebhooks (svix): verify alone'];

/**
 * Bundles `source` as if it were a file at the root of the checkout `from` (this one unless told), so that
 * `aulm` is that checkout's package by self-reference, and the peers come from its node_modules.
 */
export async function sizeOf(source, { from = root } = {}) {
  const result = await build({
    stdin: { contents: source, resolveDir: from, sourcefile: 'program.js', loader: 'js' },
    absWorkingDir: from,
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
    // Not the repo's tsconfig.json, whose `paths` map `aulm` to src/: the bundle is of the built package.
    tsconfigRaw: '{}',
  });
  const code = result.outputFiles[0].contents;
  return { bytes: code.length, gzip: gzipSync(code, { level: 9 }).length, parts: partsOf(result.metafile) };
}

// The program as written above, without the indentation of this file.
function dedent(source) {
  const lines = source.replace(/^\n/, '').trimEnd().split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => line.match(/^ */)[0].length));
  return lines.map((line) => line.slice(indent)).join('\n');
}

// Minified bytes by package (or `dist/` for aulm's own code): where a bundle's size comes from.
function partsOf(metafile) {
  const parts = {};
  for (const [path, { bytesInOutput }] of Object.entries(Object.values(metafile.outputs)[0].inputs)) {
    const match = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    const part = match ? match[1] : path.startsWith('dist/') ? 'aulm (dist)' : 'program';
    parts[part] = (parts[part] ?? 0) + bytesInOutput;
  }
  return parts;
}

export async function measure(log, { baseline } = {}) {
  // aulm's programs built again from the baseline's checkout, each row after the current build's.
  const builds = programs.flatMap(({ source, ...program }) => [
    { ...program, source },
    ...(baseline && program.role === 'subject'
      ? [
          {
            name: baselineName(program.name),
            role: BASELINE_ROLE,
            vs: program.name,
            source,
            from: baseline.dir,
          },
        ]
      : []),
  ]);
  const rows = [];
  for (const { source, from, ...program } of builds) {
    const { bytes, gzip, parts } = await sizeOf(source, { from });
    log(
      `  ${program.name}: ${bytes.toLocaleString('en')} B minified, ${gzip.toLocaleString('en')} B gzipped`,
    );
    rows.push({ ...program, value: gzip / KB, min: gzip / KB, max: gzip / KB, bytes, gzip, parts });
  }
  return {
    id: 'bundle',
    title: 'Browser bundle size',
    how:
      'A small program per library (below), bundled by esbuild with `--bundle --minify --platform=browser ' +
      '--format=esm`, then gzipped at level 9. Sizes in KB of 1,024 bytes; exact bytes beside them.',
    unit: 'KB',
    better: 'lower',
    rounds: 'one build each (deterministic)',
    rows,
    targets: [
      {
        subject: programs[0].name,
        against: PEER_CLIENTS,
        op: '<=',
        ratio: 0.8,
        short: 'bundle, client ÷ smallest peer client',
      },
      {
        subject: programs[1].name,
        against: PEER_VERIFIERS,
        op: '<',
        ratio: 1,
        short: 'bundle, aulm/webhooks ÷ smallest peer verifier',
      },
    ],
    notes: [
      'Each target is read against the smallest peer of this run: the client against openai, stripe and ' +
        'resend (≤ 0.8 ×), `aulm/webhooks` against the peer verifiers (below them).',
      "svix is not installed: svix 2 (2.5.0 today) declares `engines: { node: '>=22' }` and this bench runs " +
        "on Node 20, so svix's verifier is measured as the `standardwebhooks` package it wraps (svix depends " +
        'on it; resend too), bundled alone. The issue quoted openai 36, stripe 33, resend 33 and svix 5 KB.',
      'stripe is bundled through its `browser` export (the worker build), with `constructEventAsync`, the ' +
        'verifier that build offers on WebCrypto.',
    ],
    programs: Object.fromEntries(programs.map(({ name, source }) => [name, dedent(source)])),
  };
}
