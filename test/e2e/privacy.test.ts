// Privacy rights through the SDK against the reference server: an erasure that leaves nothing of the
// number anywhere, a restriction and an objection that block sends until lifted, and retention.
import { Aulm, PermissionDeniedError } from 'aulm';
import { type AulmMock, startAulmMock } from 'aulm/mock-server';
import { afterEach, describe, expect, it } from 'vitest';

const ERASED = '+447700900111';
const OTHER = '+447700900222';

let mock: AulmMock | undefined;

afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function setUp(options: Parameters<typeof startAulmMock>[0] = {}) {
  mock = await startAulmMock({
    seed: 50,
    webhooks: { deliver: async () => new Response(null, { status: 204 }) },
    ...options,
  });
  const { apiKey, sessionId } = mock.quickstart();
  return { mock, apiKey, sessionId, aulm: new Aulm({ apiKey }) };
}

/** Every GET the API has, walked page by page, as raw wire text. */
async function crawl(apiKey: string, ids: { messages: string[] }): Promise<string[]> {
  const get = async (path: string) => {
    const response = await fetch(`https://api.aulm.io${path}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    return response.text();
  };
  const bodies: string[] = [];
  const walk = async (path: string) => {
    let cursor: string | null = null;
    const items: { id: string }[] = [];
    do {
      const text = await get(`${path}?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      bodies.push(text);
      const page = JSON.parse(text);
      items.push(...page.data);
      cursor = page.next_cursor;
    } while (cursor);
    return items;
  };
  bodies.push(await get('/v1/account'));
  for (const list of [
    '/v1/sessions',
    '/v1/logs',
    '/v1/webhook_endpoints',
    '/v1/webhook_deliveries',
    '/v1/privacy_requests',
    '/v1/api_keys',
    '/v1/support/tickets',
  ]) {
    const items = await walk(list);
    for (const item of items) bodies.push(await get(`${list}/${item.id}`));
  }
  for (const id of ids.messages) bodies.push(await get(`/v1/messages/${id}`));
  return bodies;
}

describe('an erasure of a recipient', () => {
  it('leaves neither the number nor any of its previews in any response, and the rest byte for byte', async () => {
    const { mock, apiKey, sessionId, aulm } = await setUp();
    await aulm.webhooks.endpoints.create({ url: 'https://hooks.example.com/aulm', events: ['*'] });
    const messages: string[] = [];
    const keys: string[] = [];
    for (let index = 0; index < 3; index++) {
      for (const to of [ERASED, OTHER]) {
        const key = `send-${to}-${index}`;
        const message = await aulm.messages.send(
          { sessionId, to, text: `${to === ERASED ? 'Private note' : 'Public note'} number ${index}` },
          { idempotencyKey: key },
        );
        messages.push(message.id);
        keys.push(key);
      }
    }
    await mock.clock.advance('15s');
    const otherLogs = () =>
      fetch(`https://api.aulm.io/v1/logs?recipient=${encodeURIComponent(OTHER)}`, {
        headers: { authorization: `Bearer ${apiKey}` },
      }).then((response) => response.text());
    const otherBefore = await otherLogs();

    const request = await aulm.privacy.requests.create({
      type: 'erasure',
      subject: { type: 'recipient', phoneNumber: ERASED },
    });
    await mock.clock.advance('10s');
    const done = await aulm.privacy.requests.get(request.id);
    expect(done.status).toBe('completed');
    expect(done.subject).toEqual({
      type: 'recipient',
      phoneNumberSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    if (done.type === 'erasure') expect(done.result?.erased.messages).toBe(3);

    const exportRequest = await aulm.privacy.requests.create({
      type: 'export',
      subject: { type: 'account' },
    });
    await mock.clock.advance('10s');
    const archive = await aulm.privacy.requests.downloadExport(exportRequest.id).withResponse();
    expect(archive.response.status).toBe(200);

    const replay = await fetch('https://api.aulm.io/v1/messages', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${apiKey}`,
        'content-type': 'application/json',
        'idempotency-key': keys[0]!,
      },
      body: JSON.stringify({
        session_id: sessionId,
        to: ERASED,
        type: 'text',
        text: { body: 'Private note number 0' },
      }),
    }).then((response) => response.text());

    const everything = [
      ...(await crawl(apiKey, { messages })),
      JSON.stringify(archive.data),
      JSON.stringify(mock.journal),
      JSON.stringify(mock.webhooks.deliveries),
      replay,
    ].join('\n');
    for (const trace of [ERASED, ERASED.slice(1), encodeURIComponent(ERASED), 'Private note']) {
      expect(everything).not.toContain(trace);
    }
    expect(everything).toContain('Public note');

    const otherAfter = await otherLogs();
    expect(otherAfter).toBe(otherBefore);
  });
});

describe('an erasure of a recipient, in free text', () => {
  it('leaves no form of the number in a support ticket or another message’s metadata, in the built server', async () => {
    const { mock, sessionId, aulm } = await setUp();
    const ticket = await aulm.support.tickets.create({
      subject: 'About 07700 900111',
      body: `Customer ${ERASED}, also (0)7700-900111 and 447700900111; not 07700 900112.`,
    });
    const other = await aulm.messages.send({
      sessionId,
      to: OTHER,
      text: 'Hello',
      metadata: { referred_by: '07700900111' },
    });
    await aulm.privacy.requests.create({
      type: 'erasure',
      subject: { type: 'recipient', phoneNumber: ERASED },
    });
    await mock.clock.advance('10s');
    const read = await aulm.support.tickets.get(ticket.id);
    expect(read.subject).toBe('About [erased]');
    expect(read.messages?.[0]?.body).toBe('Customer [erased], also [erased] and [erased]; not 07700 900112.');
    expect((await aulm.messages.get(other.id)).metadata).toEqual({ referred_by: '[erased]' });
  });
});

describe('a restriction and an objection', () => {
  it('blocks sends to a restricted number and hides its logs until lifted', async () => {
    const { mock, sessionId, aulm } = await setUp();
    await aulm.messages.send({ sessionId, to: ERASED, text: 'before' });
    const restriction = await aulm.privacy.requests.create({
      type: 'restriction',
      subject: { type: 'recipient', phoneNumber: ERASED },
    });
    await mock.clock.advance('10s');

    const refused = await aulm.messages
      .send({ sessionId, to: ERASED, text: 'during' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PermissionDeniedError);
    expect(refused).toMatchObject({ status: 403, code: 'recipient_restricted' });
    expect((await aulm.logs.list({ recipient: ERASED })).data).toEqual([]);

    await aulm.privacy.requests.lift(restriction.id);
    expect((await aulm.logs.list({ recipient: ERASED })).data).toHaveLength(1);
    await expect(aulm.messages.send({ sessionId, to: ERASED, text: 'after' })).resolves.toMatchObject({
      status: 'queued',
    });
  });

  it('blocks sends to an objecting number and erases its previews; lifting restores sending', async () => {
    const { mock, sessionId, aulm } = await setUp();
    const before = await aulm.messages.send({ sessionId, to: OTHER, text: 'a preview to erase' });
    const objection = await aulm.privacy.requests.create({
      type: 'objection',
      subject: { type: 'recipient', phoneNumber: OTHER },
    });
    await mock.clock.advance('10s');

    expect((await aulm.logs.get(before.id)).preview).toBeNull();
    const refused = await aulm.messages
      .send({ sessionId, to: OTHER, text: 'during' })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 403, code: 'recipient_objected' });

    await aulm.privacy.requests.lift(objection.id);
    await expect(aulm.messages.send({ sessionId, to: OTHER, text: 'after' })).resolves.toMatchObject({
      status: 'queued',
    });
  });
});

describe('retention', () => {
  it('deletes exactly the logs past the window as the clock moves', async () => {
    const { mock, sessionId, aulm } = await setUp({ retentionDays: 1 });
    const old = await aulm.messages.send({ sessionId, to: OTHER, text: 'old' });
    await mock.clock.advance('12h');
    const recent = await aulm.messages.send({ sessionId, to: OTHER, text: 'recent' });
    await mock.clock.advance('12h');
    await mock.clock.advance(1);
    const ids = (await aulm.logs.list()).data.map((log) => log.id);
    expect(ids).toEqual([recent.id]);
    expect(ids).not.toContain(old.id);
  });
});
