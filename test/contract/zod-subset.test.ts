// The browser build's subset of zod (src/contract/zod-subset/) held to zod: the contract built on each,
// every response decoded and every parameter object encoded, valid and in every broken form that
// contract-cases.ts finds, gives the same model or the same issues, in the same order, with the same
// details; and a function that throws on one throws on the other.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { browserBuild } from '../../scripts/browser-build.js';
import * as contract from '../../src/contract/index.js';
import { root } from '../build/bundle.js';
import { wireEndpoint, wireMessage, wirePrivacyRequest, wireSession } from '../core/fake-api.js';
import { type Case, mutations, params, responses, shown } from './contract-cases.js';

type Z = Pick<typeof z, 'safeDecode' | 'safeEncode'>;
type Direction = 'decode' | 'encode';

// The contract as the browser build has it: bundled by the build's own plugin, `zod/mini` the subset.
let subset: { contract: Record<string, unknown>; z: Z };

beforeAll(async () => {
  const result = await build({
    stdin: {
      contents: `export * as contract from './src/contract/index.ts'; export * as z from 'zod/mini';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
    plugins: [browserBuild],
  });
  const file = join(mkdtempSync(join(tmpdir(), 'aulm-zod-subset-')), 'contract.mjs');
  writeFileSync(file, result.outputFiles[0]!.text);
  subset = await import(pathToFileURL(file).href);
});

const names = new Map<unknown, string>(Object.entries(contract).map(([name, schema]) => [schema, name]));

// A value as plain data: masked values and dates named, objects and arrays walked; anything else as is.
function plain(value: unknown): unknown {
  if (value instanceof contract.MaskedValue) return { [value.constructor.name]: value.reveal() };
  if (value instanceof Date) return { Date: value.getTime() };
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, plain(field)]));
}

// A run as src/ makes it (`CHECK_OPTIONS`): the model as plain data, or the issues; a throw by its message.
function outcome(runner: Z, options: object, schema: unknown, value: unknown, direction: Direction) {
  let result: ReturnType<Z['safeDecode']>;
  try {
    const run = direction === 'decode' ? runner.safeDecode : runner.safeEncode;
    result = run(schema as z.ZodMiniType, structuredClone(value) as never, options);
  } catch (error) {
    return { threw: (error as Error).message };
  }
  return result.success ? { data: shown(result.data) } : { issues: plain(result.error.issues) };
}

function expectSame(schema: unknown, value: unknown, direction: Direction): void {
  const name = names.get(schema);
  const mine = name ? subset.contract[name] : schema;
  const options = subset.contract.CHECK_OPTIONS as object;
  expect(outcome(subset.z, options, mine, value, direction), `${name} ${JSON.stringify(value)}`).toEqual(
    outcome(z, contract.CHECK_OPTIONS, schema, value, direction),
  );
}

// Values aimed at what the mutations do not reach: characters beyond one UTF-16 unit, sizes past a limit,
// numbers zod reads specially, keys an object treats specially.
const edges: Array<{ direction: Direction; label: string; schema: unknown; value: unknown }> = [
  {
    direction: 'encode',
    label: 'a 4,096-emoji text',
    schema: contract.SendMessageParams,
    value: { sessionId: 'ses_1', to: '+447700900123', text: '😀'.repeat(4096) },
  },
  {
    direction: 'encode',
    label: 'a 4,097-emoji text',
    schema: contract.SendMessageParams,
    value: { sessionId: 'ses_1', to: '+447700900123', text: '😀'.repeat(4097) },
  },
  {
    direction: 'encode',
    label: 'a lone surrogate',
    schema: contract.CreateSessionParams,
    value: { name: '\ud83d' },
  },
  {
    direction: 'encode',
    label: 'a score of NaN',
    schema: contract.RateTicketParams,
    value: { score: Number.NaN },
  },
  {
    direction: 'encode',
    label: 'a score of Infinity',
    schema: contract.RateTicketParams,
    value: { score: Number.POSITIVE_INFINITY },
  },
  {
    direction: 'encode',
    label: 'a score past safe integers',
    schema: contract.RateTicketParams,
    value: { score: 2 ** 60 },
  },
  { direction: 'encode', label: 'a score of 0', schema: contract.RateTicketParams, value: { score: 0 } },
  {
    direction: 'encode',
    label: '21 metadata keys',
    schema: contract.SendMessageParams,
    value: {
      sessionId: 'ses_1',
      to: '+447700900123',
      text: 'a',
      metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])),
    },
  },
  {
    direction: 'encode',
    label: 'an empty metadata key',
    schema: contract.SendMessageParams,
    value: { sessionId: 'ses_1', to: '+447700900123', text: 'a', metadata: { '': 'v' } },
  },
  {
    direction: 'encode',
    label: 'too many scopes',
    schema: contract.CreateApiKeyParams,
    value: { name: 'CI', scopes: Array(40).fill('logs:read') },
  },
  {
    direction: 'encode',
    label: 'too many events',
    schema: contract.CreateWebhookEndpointParams,
    value: { url: 'https://example.com/h', events: Array(40).fill(1) },
  },
  {
    direction: 'encode',
    label: 'an own __proto__ key',
    schema: contract.CreateSessionParams,
    value: JSON.parse('{"name":"a","__proto__":{"x":1}}'),
  },
  {
    direction: 'encode',
    label: 'no type at all',
    schema: contract.CreatePrivacyRequestParams,
    value: { subject: { type: 'recipient', phoneNumber: '+447700900123' } },
  },
  {
    direction: 'encode',
    label: 'an unknown subject type',
    schema: contract.CreatePrivacyRequestParams,
    value: { type: 'erasure', subject: { type: 'robot' } },
  },
  {
    direction: 'encode',
    label: 'both text and media',
    schema: contract.SendMessageParams,
    value: {
      sessionId: 'ses_1',
      to: '+447700900123',
      text: 'a',
      media: { url: 'https://e.com/a', mimeType: 'image/png' },
    },
  },
  {
    direction: 'encode',
    label: 'an http URL',
    schema: contract.CreateWebhookEndpointParams,
    value: { url: 'http://example.com/h', events: ['*'] },
  },
  {
    direction: 'encode',
    label: 'a bad email',
    schema: contract.UpdateAccountParams,
    value: { email: 'not an email' },
  },
  {
    direction: 'decode',
    label: 'too many events in a response',
    schema: contract.WebhookEndpoint,
    value: wireEndpoint({ events: Array(40).fill(1) }),
  },
  {
    direction: 'decode',
    label: 'an unknown discriminator',
    schema: contract.PrivacyRequest,
    value: { ...wirePrivacyRequest(), type: 'robot' },
  },
  {
    direction: 'decode',
    label: 'no discriminator',
    schema: contract.PrivacyRequest,
    value: { ...wirePrivacyRequest(), type: undefined },
  },
  {
    direction: 'decode',
    label: 'an error envelope',
    schema: contract.ErrorEnvelope,
    value: { error: { type: 'api_error', code: 'x', message: 'm', param: null, request_id: 'req_1' } },
  },
  {
    direction: 'decode',
    label: 'a broken error envelope',
    schema: contract.ErrorEnvelope,
    value: { error: { type: 1 } },
  },
];

const events: Case[] = [
  ['message.delivered data', contract.EVENT_DATA['message.delivered'], wireMessage()],
  ['session.connected data', contract.EVENT_DATA['session.connected'], wireSession()],
  ['privacy_request.updated data', contract.EVENT_DATA['privacy_request.updated'], wirePrivacyRequest()],
];

type Builders = typeof z;

// Schemas built with each side's own builders, for what the contract does not exercise today: a size
// limit met while decoding, a key that must be present though `undefined` passes, a union that falls back
// while encoding, bounds on a plain number, invalid dates, refinements with a path.
const built: Array<{
  label: string;
  direction: Direction;
  build: (z: Builders) => unknown;
  values: unknown[];
}> = [
  {
    label: 'an array of at most 2 ints',
    direction: 'decode',
    build: (z) => z.array(z.int()).check(z.minLength(1), z.maxLength(2)),
    values: [[1, 2, 3], ['a', 'b', 'c'], [], [1], ['a'], 'x'],
  },
  {
    label: 'a field of any value that must be there',
    direction: 'decode',
    build: (z) => z.object({ a: z.unknown(), b: z.optional(z.string()) }),
    values: [{}, { a: undefined }, { a: 1, b: undefined }, { b: 1 }],
  },
  {
    label: 'a union that falls back while encoding',
    direction: 'encode',
    build: (z) =>
      z.discriminatedUnion('k', [
        z.object({ k: z.literal('a'), n: z.int() }),
        z.object({ k: z.literal('b'), s: z.string() }),
      ]),
    values: [{ k: 'c' }, { n: 1 }, { k: 'a', n: 'x' }, { s: 'x' }, { k: 'b', s: 1 }],
  },
  {
    label: 'a number from 1 to 5',
    direction: 'decode',
    build: (z) => z.number().check(z.minimum(1), z.maximum(5)),
    values: [0, 6, 3, Number.NaN, Number.NEGATIVE_INFINITY, '3'],
  },
  {
    label: 'a date',
    direction: 'decode',
    build: (z) => z.date(),
    values: [new Date(Number.NaN), new Date(0), '2020-01-01'],
  },
  {
    label: 'a string through a refinement with a path',
    direction: 'decode',
    build: (z) =>
      z.pipe(
        z.string(),
        z.custom((value) => (value as string).length > 2, { error: 'too short', path: ['x'] }),
      ),
    values: ['a', 'abc', 1],
  },
  {
    label: 'a nullable optional email with its own message',
    direction: 'decode',
    build: (z) => z.object({ e: z.nullable(z.optional(z.email({ error: 'an email, please' }))) }),
    values: [{}, { e: null }, { e: 'a@b.co' }, { e: 'nope' }, { e: 1 }],
  },
];

describe('the subset of zod in the browser build', () => {
  it.each(responses)('decodes %s as zod does', (_, schema, wire) => expectSame(schema, wire, 'decode'));

  it.each(responses)('refuses every change to %s as zod does', (_, schema, wire) => {
    for (const changed of mutations(wire)) expectSame(schema, changed, 'decode');
  });

  it.each(params)('encodes %s as zod does', (_, schema, model) => expectSame(schema, model, 'encode'));

  it.each(params)('refuses every change to %s as zod does', (_, schema, model) => {
    for (const changed of mutations(model)) expectSame(schema, changed, 'encode');
  });

  it.each(events)('decodes %s, and every change to it, as zod does', (_, schema, wire) => {
    expectSame(schema, wire, 'decode');
    for (const changed of mutations(wire)) expectSame(schema, changed, 'decode');
  });

  it.each(edges)('$direction: $label as zod does', ({ direction, schema, value }) =>
    expectSame(schema, value, direction),
  );

  it.each(built)('$direction: $label as zod does', ({ direction, build, values }) => {
    const [mine, theirs] = [build(subset.z as unknown as Builders), build(z)];
    for (const value of values) {
      expect(outcome(subset.z, {}, mine, value, direction), JSON.stringify(value)).toEqual(
        outcome(z, {}, theirs, value, direction),
      );
    }
  });

  it('decodes what is not an object at all as zod does', () => {
    for (const value of [undefined, null, 0, 'x', [], [1], true])
      for (const [, schema] of [...responses, ...params]) {
        expectSame(schema, value, 'decode');
        expectSame(schema, value, 'encode');
      }
  });
});

// zod's messages follow a locale global to the process, which classic zod sets to English as soon as an
// application makes one schema; the SDK's checks pin their own, so the browser build reads the same.
describe('the subset of zod, with an application that set a zod locale', () => {
  beforeAll(() => {
    z.config(z.locales.en());
  });
  afterAll(() => {
    z.config({ localeError: undefined });
  });

  it.each([...responses, ...events])('refuses every change to %s as zod does', (_, schema, wire) => {
    for (const changed of mutations(wire)) expectSame(schema, changed, 'decode');
  });

  it.each(params)('refuses every change to %s as zod does', (_, schema, model) => {
    for (const changed of mutations(model)) expectSame(schema, changed, 'encode');
  });
});
