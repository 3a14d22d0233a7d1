// The reference server's speed: the standalone server (dist/, node:http in front of the MSW handlers) in
// its own process under autocannon, 50 connections, on `GET /v1/logs?limit=20` and `POST /v1/messages`,
// beside a bare node:http server answering the bytes the reference server answered; then the in-process
// cost per request through MSW, by the mock's undici dispatcher, one request at a time. With `--baseline`,
// the other build's reference server runs too, in a process of its own, and its in-process mock beside
// this one's. Neither figure has a target.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createAulmMock } from 'aulm/mock-server';
import autocannon from 'autocannon';
import { request } from 'undici';
import { BASELINE_ROLE, baselineName, exportOf, importFrom, requireFrom } from './lib/baseline.mjs';
import { startFixture, startReferenceServer, withServerLoad } from './lib/fixture-server.mjs';
import { interleaved, median } from './lib/rounds.mjs';
import { sendWire } from './lib/wire.mjs';

const CONNECTIONS = 50;
const SECONDS = 4;
const ROUNDS = 3;
const SEEDED = 50;
const IN_PROCESS = 500;
const IN_PROCESS_ROUNDS = 5;
// Far above the defaults (1,000 a second, bursts of 10,000), so that no run meets a 429.
const MOCK_OPTIONS = {
  seed: 1,
  rateLimit: { requestsPerSecond: 1e9, burst: 1e9 },
  webhooks: { deliver: 'off' },
};
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'date', 'content-length', 'transfer-encoding']);

// The routes, each as a request the reference server is sent; `body` is the wire JSON for a POST.
const routes = (sessionId) => [
  { label: 'GET /v1/logs?limit=20', method: 'GET', path: '/v1/logs?limit=20' },
  {
    label: 'POST /v1/messages',
    method: 'POST',
    path: '/v1/messages',
    body: { ...sendWire, session_id: sessionId },
  },
];

// One request and its answer; `send` is undici's `request` (the baseline's own, for its in-process mock).
async function call(base, route, apiKey, dispatcher, send = request) {
  const response = await send(`${base}${route.path}`, {
    method: route.method,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: route.body ? JSON.stringify(route.body) : undefined,
    ...(dispatcher ? { dispatcher } : {}),
  });
  const body = Buffer.from(await response.body.arrayBuffer());
  if (response.statusCode >= 300) throw new Error(`${route.label}: ${response.statusCode} ${body}`);
  const headers = Object.fromEntries(
    Object.entries(response.headers).filter(([name]) => !HOP_HEADERS.has(name)),
  );
  return { status: response.statusCode, headers, body };
}

async function cannon(server, route, apiKey, seconds) {
  let result;
  const { serverLoad } = await withServerLoad(server, async () => {
    result = await autocannon({
      url: `${server.url}${route.path}`,
      method: route.method,
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: route.body ? JSON.stringify(route.body) : undefined,
      connections: CONNECTIONS,
      duration: seconds,
    });
    return result.duration;
  });
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(
      `${server.url}${route.path}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return { perSecond: result.requests.total / result.duration, serverLoad };
}

// A reference server in its own process, `SEEDED` messages sent to it first: this build's, or another's.
async function startSeeded(module) {
  // Port 0: a free port each, not the default 4010 (two servers here, and an `aulm-mock` may be running).
  const server = await startReferenceServer({ ...MOCK_OPTIONS, port: 0 }, { module });
  const list = routes(server.sessionId);
  for (let index = 0; index < SEEDED; index++) await call(server.url, list[1], server.apiKey);
  return { server, list };
}

export async function measure(log, { baseline } = {}) {
  const { server: reference, list } = await startSeeded();
  const { apiKey } = reference;
  // The baseline's server: `startStandalone` from its dist/mock-server (what its `aulm-mock` starts),
  // with the same options, which the command line cannot set (the rate limit would answer 429s).
  const before = baseline
    ? await startSeeded(pathToFileURL(exportOf(baseline.dir, './mock-server')).href)
    : undefined;
  const answers = {};
  for (const route of list)
    answers[`${route.method} ${route.path.split('?')[0]}`] = await call(reference.url, route, apiKey);
  const bare = await startFixture({ answers });
  const msw = await startFixture({ answers, throughMsw: true });

  const rows = [];
  for (const [at, route] of list.entries()) {
    const subject = `reference server ${route.label}`;
    const contenders = [
      { name: subject, role: 'subject', server: reference, route, apiKey },
      ...(before
        ? [
            {
              name: baselineName(subject),
              role: BASELINE_ROLE,
              server: before.server,
              vs: subject,
              // Its own session and key (the same with the same seed, but sent as it gave them).
              route: before.list[at],
              apiKey: before.server.apiKey,
            },
          ]
        : []),
      { name: `bare node:http ${route.method} (same bytes)`, role: 'floor', server: bare, vs: subject },
      { name: `MSW getResponse alone ${route.method} (same bytes)`, role: 'floor', server: msw, vs: subject },
    ];
    const loads = new Map(contenders.map(({ name }) => [name, []]));
    const results = await interleaved(
      contenders,
      { count: ROUNDS },
      async ({ name, server, ...own }, { warmup }) => {
        const run = await cannon(server, own.route ?? route, own.apiKey ?? apiKey, warmup ? 1 : SECONDS);
        if (!warmup) loads.get(name).push(run.serverLoad);
        return run.perSecond;
      },
      log,
    );
    for (const { name, role, vs } of contenders) {
      rows.push({
        name,
        role,
        ...(vs ? { vs } : {}),
        ...results.get(name),
        serverLoad: median(loads.get(name)),
      });
    }
  }
  await Promise.all([reference.close(), before?.server.close(), bare.close(), msw.close()]);

  return [
    {
      id: 'reference-server',
      title: 'Reference server, standalone',
      how:
        `\`startStandalone\` from dist/ (seeded, real clock, ${SEEDED} messages sent first) in its own process, ` +
        `loaded by autocannon at ${CONNECTIONS} connections for ${SECONDS} s a run, beside a bare node:http ` +
        'server (also in its own process) answering the status, headers and body the reference server ' +
        "answered to the same request. The mock's rate limit is raised (1e9 a second, bursts of 1e9; the " +
        'defaults are 1,000 and 10,000) so that no run meets a 429, and its webhooks are off. Every POST ' +
        'creates a message (no idempotency key). "MSW getResponse alone" is the same node:http server taking ' +
        "each request the way the reference server's design does and no further: a `Request` (the body read " +
        'from the socket, not put in it), `getResponse` with one handler, a `Response` with no body, the same ' +
        'bytes written: what that design costs before any work. The GET runs come first, then the POST runs.' +
        (baseline
          ? ' "(baseline)" is the other build\'s `startStandalone` (from its dist/mock-server, the module its ' +
            '`aulm-mock` command starts: the command cannot raise the rate limit), seeded and loaded alike.'
          : ''),
      unit: 'req/s',
      better: 'higher',
      rounds: `median of ${ROUNDS} runs of ${SECONDS} s each, after a warm-up run of 1 s`,
      rows,
      targets: [],
      notes: [
        'No target: the goal of 0.4 × the bare server is withdrawn from this bench; the figure keeps its rows.',
        'autocannon runs in the benchmark process and each server in its own: on this two-core machine the ' +
          'load generator and the server each have a core. "server CPU" near 100% means the server was the ' +
          'limit, as it should be here; well below 100% for the bare server, autocannon was its limit, and the ' +
          'true ratio is lower still.',
      ],
    },
    await inProcess(log, baseline),
  ];
}

const BASE = 'https://api.aulm.io';

// A mock in the benchmark's process, seeded: this build's `createAulmMock`, or another's with its undici.
async function seededMock(create, send) {
  const mock = create(MOCK_OPTIONS);
  const { apiKey, sessionId } = mock.quickstart();
  const list = routes(sessionId);
  for (let index = 0; index < SEEDED; index++) await call(BASE, list[1], apiKey, mock.dispatcher, send);
  return { mock, apiKey, list, send };
}

// The cost of one request answered in-process: undici's `request` on the mock's dispatcher, through MSW's
// `getResponse` to the handlers and back, one request at a time. The baseline's mock is called with the
// baseline's own undici, as a test in that checkout would.
async function inProcess(log, baseline) {
  const current = await seededMock(createAulmMock, request);
  const before = baseline
    ? await seededMock(
        (await importFrom(baseline.dir, './mock-server')).createAulmMock,
        requireFrom(baseline.dir, 'undici').request,
      )
    : undefined;
  const contenders = current.list.flatMap((route, at) => [
    { name: `through MSW ${route.label}`, role: 'info', route, with: current },
    ...(before
      ? [
          {
            name: baselineName(`through MSW ${route.label}`),
            role: BASELINE_ROLE,
            vs: `through MSW ${route.label}`,
            route: before.list[at],
            with: before,
          },
        ]
      : []),
  ]);
  const results = await interleaved(
    contenders,
    { count: IN_PROCESS_ROUNDS },
    async ({ route, with: { mock, apiKey, send } }) => {
      const begin = performance.now();
      for (let index = 0; index < IN_PROCESS; index++) await call(BASE, route, apiKey, mock.dispatcher, send);
      return ((performance.now() - begin) * 1000) / IN_PROCESS;
    },
    log,
  );
  await Promise.all([current.mock.close(), before?.mock.close()]);
  return {
    id: 'reference-server-msw',
    title: 'Reference server, in-process through MSW',
    how:
      `${IN_PROCESS.toLocaleString('en')} requests one at a time with undici's \`request\` on \`mock.dispatcher\` ` +
      "(`createAulmMock`, same options), which answers through MSW's `getResponse` and the handlers, in the " +
      'benchmark process: the cost of one request in a test, in microseconds.',
    unit: 'µs',
    better: 'lower',
    rounds: `median of ${IN_PROCESS_ROUNDS} rounds, after a warm-up round`,
    rows: contenders.map(({ name, role, vs }) => ({
      name,
      role,
      ...(vs ? { vs } : {}),
      ...results.get(name),
    })),
    targets: [],
    notes: [],
  };
}
