// The smoke suite of the runtime matrix: the built package, imported as a user imports it (`aulm` and
// `aulm/webhooks` through the exports map), against the standalone reference server. Plain ESM that Node,
// Bun and Deno all run as it is. run.mjs gives it the server and the runtime it expects in AULM_SMOKE_*;
// it prints one line per check and exits 1 if any failed.
import { createRequire } from 'node:module';
import {
  Aulm,
  AuthenticationError,
  NotFoundError,
  PhoneNumber,
  Redacted,
  UnprocessableEntityError,
  WebhookVerificationError,
} from 'aulm';
import * as webhooks from 'aulm/webhooks';

const env = process.env;
const baseURL = env.AULM_SMOKE_URL;
const apiKey = env.AULM_SMOKE_KEY;
const sessionId = env.AULM_SMOKE_SESSION;
const aulm = new Aulm({ apiKey, baseURL });

let failed = 0;
async function check(name, run) {
  try {
    await run();
    console.log(`ok    ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL  ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

function equal(actual, expected, what) {
  expect(Object.is(actual, expected), `${what}: expected ${show(expected)}, got ${show(actual)}`);
}

function show(value) {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

// Awaits a call that must fail, and checks the error's class and fields.
async function rejects(promise, Class, fields) {
  let error;
  try {
    await promise;
  } catch (caught) {
    error = caught;
  }
  expect(error !== undefined, `expected ${Class.name}, but the call succeeded`);
  expect(error instanceof Class, `expected ${Class.name}, got ${error?.name}: ${error?.message}`);
  for (const [key, value] of Object.entries(fields)) equal(error[key], value, `${Class.name}.${key}`);
}

async function control(method, path, body) {
  const response = await fetch(`${baseURL}/__mock/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `${method} /__mock/${path} answered ${response.status}`);
  return response.json();
}

function runtime() {
  if (globalThis.Deno) return { name: 'deno', version: globalThis.Deno.version.deno };
  if (globalThis.Bun) return { name: 'bun', version: globalThis.Bun.version };
  return { name: 'node', version: process.versions.node };
}

const { name, version } = runtime();
// Node picks the `node` condition (undici inside); Bun and Deno their own, which lead to the fetch build.
const build = name === 'node' ? 'node' : 'browser';

await check(`runtime is ${env.AULM_SMOKE_RUNTIME} ${env.AULM_SMOKE_VERSION}`, () => {
  equal(`${name} ${version}`, `${env.AULM_SMOKE_RUNTIME} ${env.AULM_SMOKE_VERSION}`, 'runtime');
});

await check(`'aulm' resolves to dist/${build}, 'aulm/webhooks' to dist/webhooks`, () => {
  const main = import.meta.resolve('aulm');
  expect(main.endsWith(`/dist/${build}/index.js`), `'aulm' resolved to ${main}`);
  const entry = import.meta.resolve('aulm/webhooks');
  expect(entry.endsWith('/dist/webhooks/index.js'), `'aulm/webhooks' resolved to ${entry}`);
});

if (name !== 'deno') {
  // Deno's `require` takes the `node` condition, not `deno`; its users import, so the check is skipped there.
  await check(`require('aulm') loads dist/${build}/index.cjs, whose errors are the same classes`, () => {
    const require = createRequire(import.meta.url);
    const path = require.resolve('aulm');
    expect(path.endsWith(`/dist/${build}/index.cjs`.replaceAll('/', path.includes('\\') ? '\\' : '/')), path);
    const cjs = require('aulm');
    equal(typeof cjs.Aulm, 'function', 'typeof Aulm');
    expect(new cjs.NotFoundError('x') instanceof NotFoundError, 'a CommonJS NotFoundError is no ESM one');
  });
}

await check('connects to the base URL given: account.get() with its response', async () => {
  const { data, requestId, rateLimit } = await aulm.account.get().withResponse();
  equal(data.object, 'account', 'object');
  expect(/^acct_\w+$/.test(data.id), `account id ${data.id}`);
  expect(data.createdAt instanceof Date, 'createdAt is not a Date');
  expect(typeof requestId === 'string' && requestId.length > 0, `requestId ${requestId}`);
  expect(rateLimit?.resetAt instanceof Date, 'rateLimit.resetAt is not a Date');
});

await check('messages.send returns a typed message that prints redacted', async () => {
  const message = await aulm.messages.send({ sessionId, to: '+447700900123', text: 'Your code is 4821' });
  expect(/^msg_\w{8,}$/.test(message.id), `message id ${message.id}`);
  equal(message.status, 'queued', 'status');
  expect(message.to instanceof PhoneNumber, 'to is not a PhoneNumber');
  equal(String(message.to), '+44 ••••••0123', 'String(to)');
  equal(message.to.e164, '+447700900123', 'to.e164');
  expect(message.preview instanceof Redacted, 'preview is not Redacted');
  equal(`${message.preview}`, '[redacted: 17 chars]', 'preview printed');
  equal(message.preview.reveal(), 'Your code is 4821', 'preview.reveal()');
  const json = JSON.stringify(message);
  expect(!json.includes('900123') && !json.includes('4821'), `JSON.stringify leaks: ${json}`);
});

await check('logs.list walks every page with for await', async () => {
  for (const n of [2, 3, 4, 5]) {
    await aulm.messages.send({ sessionId, to: `+44770090013${n}`, text: `message ${n}` });
  }
  const first = await aulm.logs.list({ limit: 2 });
  equal(first.data.length, 2, 'first page size');
  equal(first.hasMore, true, 'first page hasMore');
  const ids = new Set();
  for await (const log of aulm.logs.list({ limit: 2 })) ids.add(log.id);
  equal(ids.size, 5, 'logs walked');
});

await check('verifyWebhook verifies a signed delivery and rejects a tampered one', async () => {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  const secret = `whsec_${btoa(String.fromCharCode(...bytes))}`;
  const [message] = (await aulm.logs.list({ limit: 1 })).data;
  const wire = await fetch(`${baseURL}/v1/messages/${message.id}`, {
    headers: { authorization: `Bearer ${apiKey}` },
  }).then((response) => response.json());
  const body = JSON.stringify({ id: 'evt_smoke1', type: 'message.sent', timestamp: new Date(), data: wire });
  const headers = await webhooks.signWebhook(body, { secret });
  const event = await webhooks.verifyWebhook(body, headers, { secret });
  equal(event.type, 'message.sent', 'event.type');
  equal(`${event.data.to}`, `+44 ••••••${wire.to.slice(-4)}`, 'event.data.to printed');
  equal(event.data.to.e164, wire.to, 'event.data.to.e164');
  // The client's own verify builds its models from the same copy of the package as its exports.
  const same = await aulm.webhooks.verify(body, headers, { secret });
  expect(same.data.to instanceof PhoneNumber, 'aulm.webhooks.verify: data.to is not a PhoneNumber');
  const tampered = body.replace('"message.sent"', '"message.read"');
  await rejects(webhooks.verifyWebhook(tampered, headers, { secret }), WebhookVerificationError, {
    reason: 'no_matching_signature',
  });
});

await check('a missing message is a NotFoundError', async () => {
  await rejects(aulm.messages.get('msg_000000000000000000000000'), NotFoundError, {
    status: 404,
    code: 'resource_not_found',
  });
});

await check('a bad key is an AuthenticationError', async () => {
  const stranger = new Aulm({ apiKey: 'aulm_test_unknown0000000000000000000000', baseURL, maxRetries: 0 });
  await rejects(stranger.account.get(), AuthenticationError, { status: 401 });
});

await check('a bad phone number is refused locally, naming the field, with no request', async () => {
  const before = (await control('GET', 'journal')).entries.length;
  await rejects(aulm.messages.send({ sessionId, to: '07700', text: 'hi' }), UnprocessableEntityError, {
    status: 422,
    param: 'to',
    requestId: null,
  });
  equal((await control('GET', 'journal')).entries.length, before, 'journal entries');
});

await check('a 503 once is retried transparently', async () => {
  await control('POST', 'faults', { method: 'GET', path: '/v1/account', status: 503, times: 1 });
  const account = await aulm.account.get();
  equal(account.object, 'account', 'object');
  const calls = (await control('GET', 'journal')).entries.filter((entry) => entry.path === '/v1/account');
  const last = calls.slice(-2).map((entry) => `${entry.status} ${entry.fault}`);
  equal(last.join(', '), '503 status 503, 200 null', 'the last two GET /v1/account');
});

console.log(failed === 0 ? 'all checks passed' : `${failed} check(s) failed`);
process.exit(failed === 0 ? 0 : 1);
