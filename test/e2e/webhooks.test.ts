// Webhooks end to end: an endpoint registered through the SDK on the reference server, deliveries to a
// real node:http receiver on loopback, each verified by the SDK; retries as the delivery record shows
// them; and a rotated secret that keeps the old one's receivers working for 24 hours.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Aulm, type Secret, WebhookVerificationError } from 'aulm';
import { type AulmMock, startAulmMock } from 'aulm/mock-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let mock: AulmMock;
let aulm: Aulm;
let sessionId: string;
let receiver: Server;
let base: string;
const received: Received[] = [];
/** Statuses the receiver answers on a path, in order; past them it answers 204. */
const scripted = new Map<string, number[]>();

beforeAll(async () => {
  receiver = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = request.url ?? '/';
    received.push({ path, headers: request.headers, body: Buffer.concat(chunks) });
    response.writeHead(scripted.get(path)?.shift() ?? 204).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(receiver.address() as AddressInfo).port}`; // over plain HTTP on loopback
  mock = await startAulmMock({ seed: 40, webhooks: { deliver: 'fetch' } });
  const start = mock.quickstart();
  sessionId = start.sessionId;
  aulm = new Aulm({ apiKey: start.apiKey });
});

afterAll(async () => {
  await mock.close();
  await new Promise((resolve) => receiver.close(resolve));
});

beforeEach(() => {
  received.length = 0;
});

const at = (path: string) => received.filter((delivery) => delivery.path === path);
const verify = (delivery: Received, secret: Secret) =>
  aulm.webhooks.verify(delivery.body, delivery.headers, { secret, now: mock.clock.now() });

describe('webhook deliveries', () => {
  it('delivers every status change of 20 messages, each signed so that the SDK verifies it', async () => {
    const endpoint = await aulm.webhooks.endpoints.create({ url: `${base}/all`, events: ['*'] });
    expect(endpoint.secret?.reveal()).toMatch(/^whsec_/);
    expect(String(endpoint.secret)).toMatch(/^whsec_••••\S{4}$/);
    expect(JSON.stringify(endpoint)).not.toContain(endpoint.secret!.reveal());
    const sent = [];
    for (let index = 0; index < 20; index++) {
      sent.push(
        await aulm.messages.send({
          sessionId,
          to: `+4477009002${String(index).padStart(2, '0')}`,
          text: `#${index}`,
        }),
      );
    }
    await mock.clock.advance('10s');
    await mock.webhooks.flush();

    const deliveries = at('/all');
    expect(deliveries).toHaveLength(60);
    const events = await Promise.all(deliveries.map((delivery) => verify(delivery, endpoint.secret!)));
    for (const type of ['message.sent', 'message.delivered', 'message.read']) {
      const ofType = events.filter((event) => event.type === type);
      expect(ofType.map((event) => (event.data as { id: string }).id).sort()).toEqual(
        sent.map((m) => m.id).sort(),
      );
    }
    expect(new Set(events.map((event) => event.id)).size).toBe(60);
    await aulm.webhooks.endpoints.delete(endpoint.id);
  });

  it('retries an endpoint that answers 500 three times, and records all four attempts', async () => {
    const endpoint = await aulm.webhooks.endpoints.create({ url: `${base}/flaky`, events: ['message.sent'] });
    scripted.set('/flaky', [500, 500, 500]);
    const message = await aulm.messages.send({ sessionId, to: '+447700900301', text: 'retry me' });
    for (const wait of ['1s', '5s', '5m', '30m'] as const) await mock.clock.advance(wait);
    await mock.webhooks.flush();

    const attempts = at('/flaky');
    expect(attempts.map((attempt) => attempt.headers['webhook-id'])).toEqual(
      Array(4).fill(attempts[0]!.headers['webhook-id']),
    );
    expect(new Set(attempts.map((attempt) => attempt.headers['webhook-timestamp'])).size).toBe(4);
    const event = await verify(attempts[3]!, endpoint.secret!);
    expect(event).toMatchObject({ type: 'message.sent', data: { id: message.id } });

    const page = await aulm.webhooks.deliveries.list({ endpointId: endpoint.id });
    expect(page.data).toHaveLength(1);
    const delivery = page.data[0]!;
    expect(delivery.status).toBe('succeeded');
    expect(delivery.attempts.map((attempt) => attempt.responseStatus)).toEqual([500, 500, 500, 204]);
    expect(delivery.nextAttemptAt).toBeNull();
    await aulm.webhooks.endpoints.delete(endpoint.id);
  });

  it('signs with the old and the new secret for 24 hours after a rotation, then with the new alone', async () => {
    const endpoint = await aulm.webhooks.endpoints.create({
      url: `${base}/rotated`,
      events: ['message.sent'],
    });
    const rotated = await aulm.webhooks.endpoints.rotateSecret(endpoint.id);
    expect(rotated.secret).not.toBe(endpoint.secret);

    await aulm.messages.send({ sessionId, to: '+447700900302', text: 'soon after' });
    await mock.clock.advance('1s');
    await mock.webhooks.flush();
    const [soon] = at('/rotated');
    await expect(verify(soon!, endpoint.secret!)).resolves.toMatchObject({ type: 'message.sent' });
    await expect(verify(soon!, rotated.secret!)).resolves.toMatchObject({ type: 'message.sent' });

    await mock.clock.advance('24h');
    await aulm.messages.send({ sessionId, to: '+447700900303', text: 'a day later' });
    await mock.clock.advance('1s');
    await mock.webhooks.flush();
    const later = at('/rotated').at(-1)!;
    await expect(verify(later, rotated.secret!)).resolves.toMatchObject({ type: 'message.sent' });
    const refused = await verify(later, endpoint.secret!).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WebhookVerificationError);
    expect(refused).toMatchObject({ reason: 'no_matching_signature' });
  });
});
