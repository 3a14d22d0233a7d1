// Request throughput: 20,000 POST /v1/messages at 32 in flight against a node:http fixture server in its
// own process, sent by aulm's `messages.send` (response validation on), raw `undici.request`, the global
// `fetch` and openai's client. Each sends the same JSON body with a fresh idempotency key and reads the
// JSON answer. With `--baseline`, the other build's `messages.send` takes its turn too.
import { randomUUID } from 'node:crypto';
import { Aulm } from 'aulm';
import OpenAI from 'openai';
import { request } from 'undici';
import { BASELINE_ROLE, baselineName, importFrom } from './lib/baseline.mjs';
import { startFixture, withServerLoad } from './lib/fixture-server.mjs';
import { inFlight, interleaved, median } from './lib/rounds.mjs';
import { API_KEY, apiHeaders, messageWire, sendParams, sendWire } from './lib/wire.mjs';

const TOTAL = 20_000;
const WARMUP_TOTAL = 2_000;
const CONCURRENCY = 32;
const ROUNDS = 5;

export async function measure(log, { baseline } = {}) {
  const server = await startFixture({
    answers: {
      'POST /v1/messages': { status: 202, headers: apiHeaders, body: JSON.stringify(messageWire()) },
    },
  });
  const url = `${server.url}/v1/messages`;
  const headers = () => ({
    authorization: `Bearer ${API_KEY}`,
    'content-type': 'application/json',
    'idempotency-key': randomUUID(),
  });
  const aulm = new Aulm({ apiKey: API_KEY, baseURL: server.url, maxRetries: 0 });
  const openai = new OpenAI({ apiKey: API_KEY, baseURL: server.url, maxRetries: 0 });
  const before = baseline
    ? new (await importFrom(baseline.dir)).Aulm({ apiKey: API_KEY, baseURL: server.url, maxRetries: 0 })
    : undefined;

  const contenders = [
    { name: 'aulm messages.send', role: 'subject', send: () => aulm.messages.send(sendParams) },
    ...(before
      ? [
          {
            name: baselineName('aulm messages.send'),
            role: BASELINE_ROLE,
            send: () => before.messages.send(sendParams),
          },
        ]
      : []),
    {
      name: 'raw undici.request',
      role: 'floor',
      send: async () => {
        const response = await request(url, {
          method: 'POST',
          headers: headers(),
          body: JSON.stringify(sendWire),
        });
        await response.body.json();
      },
    },
    {
      name: 'global fetch',
      role: 'peer',
      send: async () => {
        const response = await fetch(url, {
          method: 'POST',
          headers: headers(),
          body: JSON.stringify(sendWire),
        });
        await response.json();
      },
    },
    { name: 'openai client.post', role: 'peer', send: () => openai.post('/v1/messages', { body: sendWire }) },
  ];

  const loads = new Map(contenders.map((contender) => [contender.name, []]));
  const results = await interleaved(
    contenders,
    { count: ROUNDS },
    async (contender, { warmup }) => {
      const total = warmup ? WARMUP_TOTAL : TOTAL;
      const run = await withServerLoad(server, () => inFlight(total, CONCURRENCY, contender.send));
      if (!warmup) loads.get(contender.name).push(run.serverLoad);
      return total / run.seconds;
    },
    log,
  );
  await server.close();

  return {
    id: 'throughput',
    title: 'Request throughput',
    how:
      `${TOTAL.toLocaleString('en')} \`POST /v1/messages\` at ${CONCURRENCY} in flight against a node:http ` +
      'server in its own process that answers a fixed valid `Message` (202). aulm runs with response ' +
      'validation on (the default) and `maxRetries: 0`; every contender sends the same JSON body with a fresh ' +
      'idempotency key and parses the JSON answer.',
    unit: 'req/s',
    better: 'higher',
    rounds: `median of ${ROUNDS} rounds, after a warm-up round of ${WARMUP_TOTAL.toLocaleString('en')} requests`,
    rows: contenders.map(({ name, role }) => ({
      name,
      role,
      ...results.get(name),
      serverLoad: median(loads.get(name)),
    })),
    targets: [
      {
        subject: 'aulm messages.send',
        against: 'raw undici.request',
        op: '>=',
        ratio: 0.85,
        short: 'throughput ÷ raw undici',
      },
      {
        subject: 'aulm messages.send',
        against: 'openai client.post',
        op: '>=',
        ratio: 4,
        short: 'throughput ÷ openai',
      },
    ],
    notes: [
      'The fixture server runs in a child process: on this machine the client and the server each have a ' +
        'core. "server CPU" is the share of one core the server used during the run: near 100%, the run ' +
        'measured the server, not the client.',
    ],
  };
}
