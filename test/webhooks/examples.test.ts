// The receivers in examples/webhooks, run as written: node:http and Express over a real socket, the fetch
// handler called with a Request. Each answers 204 to a signed delivery and 400 with the reason otherwise.
import { once } from 'node:events';
import type { AddressInfo, Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signWebhook } from '../../src/webhooks/index.js';
import { eventBody, MESSAGE_WIRE, SECRET } from './fixtures.js';

type Send = (body: string, headers: Record<string, string>) => Promise<{ status: number; text: string }>;

const body = eventBody('message.delivered', MESSAGE_WIRE);
const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);

async function listening(server: Server): Promise<string> {
  if (!server.listening) await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
}

const receivers: [string, () => Promise<{ send: Send; close: () => void }>][] = [
  [
    'node:http',
    async () => {
      const { server } = await import('../../examples/webhooks/node-http.js');
      return overHttp(server);
    },
  ],
  [
    'Express',
    async () => {
      const { server } = await import('../../examples/webhooks/express.js');
      return overHttp(server);
    },
  ],
  [
    'fetch handler',
    async () => {
      const { POST } = await import('../../examples/webhooks/fetch-handler.js');
      const send: Send = async (text, headers) => {
        const response = await POST(
          new Request('https://receiver.example/webhooks', { method: 'POST', body: text, headers }),
        );
        return { status: response.status, text: await response.text() };
      };
      return { send, close: () => undefined };
    },
  ],
];

async function overHttp(server: Server) {
  const url = await listening(server);
  const send: Send = async (text, headers) => {
    const response = await fetch(url, {
      method: 'POST',
      body: text,
      headers: { 'content-type': 'application/json', ...headers },
    });
    return { status: response.status, text: await response.text() };
  };
  return { send, close: () => server.close() };
}

beforeAll(() => {
  vi.stubEnv('AULM_WEBHOOK_SECRET', SECRET);
  vi.stubEnv('PORT', '0');
});

afterAll(() => {
  vi.unstubAllEnvs();
  log.mockRestore();
});

describe.each(receivers)('the %s receiver', (_, start) => {
  let receiver: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    receiver = await start();
  });
  afterAll(() => receiver.close());

  it('answers 204 to a signed delivery', async () => {
    expect(await receiver.send(body, await signWebhook(body, { secret: SECRET }))).toEqual({
      status: 204,
      text: '',
    });
  });

  it('answers 204 to an event type it does not know', async () => {
    const unknown = eventBody('invoice.paid', { id: 'inv_1' });
    expect((await receiver.send(unknown, await signWebhook(unknown, { secret: SECRET }))).status).toBe(204);
  });

  it('answers 400 with the reason to a tampered body, and to a request without the headers', async () => {
    const headers = await signWebhook(body, { secret: SECRET });
    expect(await receiver.send(body.replace('delivered', 'read'), headers)).toEqual({
      status: 400,
      text: 'no_matching_signature',
    });
    expect(await receiver.send(body, {})).toEqual({ status: 400, text: 'missing_header' });
  });
});

it('logs numbers masked', () => {
  const printed = log.mock.calls.flat().join('\n');
  expect(printed).toContain('delivered to +44 ••••••0123');
  expect(printed).not.toContain('447700900123');
});
