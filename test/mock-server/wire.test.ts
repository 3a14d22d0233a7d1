// The answers are built by the naming rules (`wireOf`), not by encoding each model with its schema: for
// every answer of a script over every route, with every kind of field (masked values, dates, nested
// models, lists, metadata keys in any case), the naming rules give the very JSON the contract's codec gives.
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import type { AulmHandler } from '../../mock-server/handlers/index.js';
import { wireJson, wireOf } from '../../mock-server/handlers/wire.js';
import { ServiceError } from '../../mock-server/service/index.js';
import { snapshot } from '../../mock-server/service/snapshots.js';
import { ErrorEnvelope, errorTypeForStatus } from '../../src/contract/index.js';
import { clientFor, textMessage, useMock, type Wire } from './client.js';

// Every model a route answered, with the schema it names.
const answered = vi.hoisted(() => [] as Array<{ schema: unknown; model: unknown }>);

vi.mock(import('../../mock-server/handlers/replies.js'), async (original) => {
  const replies = await original();
  return {
    ...replies,
    reply: (status, schema, model) => {
      answered.push({ schema, model });
      return replies.reply(status, schema, model);
    },
  };
});

const mock = useMock({ seed: 5, webhooks: { deliver: async () => new Response(null, { status: 500 }) } });

describe('the answers of the reference server', () => {
  it('are, for every route, the JSON that the contract schema encodes the model into', async () => {
    const { apiKey, sessionId } = mock.quickstart();
    const api = clientFor(apiKey);
    const ok = async (answer: Promise<{ status: number; body: Wire }>): Promise<Wire> => {
      const { status, body } = await answer;
      expect(status, JSON.stringify(body)).toBeLessThan(300);
      return body as Wire;
    };
    const NUMBER = '+447700900123';

    await ok(api.get('/v1/account'));
    await ok(api.patch('/v1/account', { name: 'Acme', email: 'ops@example.com' }));

    const key = await ok(api.post('/v1/api_keys', { name: 'CI', scopes: ['logs:read', 'messages:write'] }));
    await ok(api.get('/v1/api_keys'));
    await ok(api.delete(`/v1/api_keys/${key.id}`));

    const pairing = await ok(api.post('/v1/sessions', { name: 'Shop' }));
    await ok(api.get('/v1/sessions?limit=5'));
    mock.sessions.connect(pairing.id, {
      phoneNumber: '+447700900444',
      device: { platform: 'ios', browser: 'Safari' },
    });
    await ok(api.get(`/v1/sessions/${pairing.id}`));

    const endpoint = await ok(
      api.post('/v1/webhook_endpoints', {
        url: 'https://hooks.example.com/a',
        events: ['*'],
        description: 'All',
      }),
    );
    await ok(api.get('/v1/webhook_endpoints'));
    await ok(api.get(`/v1/webhook_endpoints/${endpoint.id}`));
    await ok(api.patch(`/v1/webhook_endpoints/${endpoint.id}`, { description: null }));
    await ok(api.post(`/v1/webhook_endpoints/${endpoint.id}/rotate_secret`));

    const message = await ok(
      api.post('/v1/messages', {
        ...textMessage(sessionId, NUMBER, 'Your code is 4821, valid for ten minutes from now, so be quick.'),
        metadata: { orderId: 'A-1', order_id: 'B-2', 'Weird.Key-9': 'ü', ['__proto__']: 'kept' },
      }),
    );
    await ok(
      api.post('/v1/messages', {
        session_id: sessionId,
        to: '+447700900000',
        type: 'media',
        media: { url: 'https://example.com/a.jpg', mime_type: 'image/jpeg', caption: 'A photo' },
      }),
    );
    await ok(
      api.post('/v1/messages', {
        session_id: sessionId,
        to: NUMBER,
        type: 'media',
        media: { url: 'https://example.com/b.pdf', mime_type: 'application/pdf' },
      }),
    );
    await mock.clock.advance('11s');
    await ok(api.get(`/v1/messages/${message.id}`));
    await ok(api.get('/v1/logs?limit=100'));
    await ok(api.get(`/v1/logs?status=failed&recipient=${encodeURIComponent('+447700900000')}`));
    await ok(api.get(`/v1/logs/${message.id}`));

    const deliveries = await ok(api.get(`/v1/webhook_deliveries?endpoint_id=${endpoint.id}`));
    expect(deliveries.data.length).toBeGreaterThan(0);
    await ok(api.get(`/v1/webhook_deliveries/${deliveries.data[0]!.id}`));
    await ok(api.post(`/v1/webhook_deliveries/${deliveries.data[0]!.id}/retry`));

    const recipient = (phoneNumber = NUMBER) => ({ type: 'recipient', phone_number: phoneNumber });
    const file = (body: unknown) => ok(api.post('/v1/privacy_requests', body));
    const access = await file({ type: 'access', subject: recipient() });
    await file({ type: 'export', subject: recipient(), note: 'Asked by email' });
    const restriction = await file({ type: 'restriction', subject: recipient() });
    await file({ type: 'objection', subject: recipient('+447700900999') });
    await file({ type: 'rectification', subject: { type: 'account' }, changes: { name: 'Acme Ltd' } });
    await file({ type: 'export', subject: { type: 'account' } });
    const cancelled = await file({ type: 'access', subject: { type: 'account' } });
    await ok(api.post(`/v1/privacy_requests/${cancelled.id}/cancel`));
    await mock.clock.advance('6s');
    await file({ type: 'erasure', subject: recipient('+447700900555') });
    await mock.clock.advance('6s');
    await ok(api.post(`/v1/privacy_requests/${restriction.id}/lift`));
    const open = await file({ type: 'access', subject: recipient('+447700900777') });
    await ok(api.post(`/v1/privacy_requests/${open.id}/extend`, { reason: 'Large archive' }));
    await ok(api.get('/v1/privacy_requests?limit=100'));
    await ok(api.get(`/v1/privacy_requests/${access.id}`));

    const ticket = await ok(
      api.post('/v1/support/tickets', { subject: 'Pairing', body: 'Too soon.', priority: 'high' }),
    );
    await ok(api.post(`/v1/support/tickets/${ticket.id}/messages`, { body: 'Any news?' }));
    mock.support.solve(ticket.id, { reply: 'Fixed.' });
    await ok(api.post(`/v1/support/tickets/${ticket.id}/csat`, { score: 4 }));
    await ok(api.get('/v1/support/tickets'));
    await ok(api.get(`/v1/support/tickets/${ticket.id}`));
    await ok(api.delete(`/v1/webhook_endpoints/${endpoint.id}`));
    await ok(api.delete(`/v1/sessions/${pairing.id}`));

    // Every route that answers a model did so, successfully (the export archive is stored JSON already).
    const [handler] = mock.handlers as AulmHandler[];
    const routes = handler!.info.routes.map(({ method, path }) => `${method} ${path}`);
    const succeeded = new Set(
      mock.journal
        .filter((entry) => entry.status < 300)
        .map((entry) =>
          routes.find((name) => {
            const [method, path] = name.split(' ');
            const pattern = new RegExp(`^${path!.replace(/:\w+/g, '[^/]+')}$`);
            return method === entry.method && pattern.test(entry.path);
          }),
        ),
    );
    expect(routes.filter((route) => !succeeded.has(route))).toEqual(['GET /v1/privacy_requests/:id/export']);

    expect(answered.length).toBeGreaterThan(40);
    for (const { schema, model } of answered) {
      const encoded = z.encode(schema as z.ZodMiniType<unknown>, model as never);
      expect(JSON.stringify(wireOf(model))).toBe(JSON.stringify(encoded));
      // And the JSON answered, put together from the JSON kept of frozen models (the logs).
      expect(wireText(model)).toBe(JSON.stringify(encoded));
    }
  });

  it('are, for every refusal, the error envelope the contract encodes', async () => {
    const { faultReply, refusalOf } = await import('../../mock-server/handlers/replies.js');
    const refusals = [
      refusalOf(new ServiceError(404, 'resource_not_found', 'No such message: msg_1'), 'req_1'),
      refusalOf(new ServiceError(422, 'parameter_invalid', 'to: must be E.164', 'to'), 'req_2'),
      refusalOf(new Error('boom'), 'req_3'),
      faultReply(503, 'req_4'),
    ];
    for (const { status, body } of refusals) {
      const { error } = body as Wire;
      const encoded = z.encode(ErrorEnvelope, {
        error: {
          type: errorTypeForStatus(status),
          code: error.code,
          message: error.message,
          param: error.param,
          requestId: error.request_id,
        },
      });
      expect(JSON.stringify(body)).toBe(JSON.stringify(encoded));
    }
  });
});

// The JSON answered for a model, as text.
const wireText = (value: unknown) => new TextDecoder().decode(wireJson(value));

describe('the JSON of a wire form', () => {
  const at = new Date('2026-01-01T00:00:00.000Z');
  const model = snapshot({ id: 'msg_1', sessionId: 'ses_1', createdAt: at, note: undefined });

  it('is JSON.stringify of the wire form, for a snapshot, a page of models and anything else', () => {
    const values: unknown[] = [
      model,
      { object: 'list', data: [model, { id: 'msg_2', errorCode: null }], hasMore: true, nextCursor: 'abc' },
      { object: 'list', data: [], hasMore: false, nextCursor: null, skipped: undefined },
      { data: [model, undefined, () => 1], metadata: { camelKey: 'kept as is' } },
      { data: [undefined, model], note: 'é ü 😀' },
      { skipped: undefined, data: [model] },
      { data: [] },
      { id: 'msg_3', createdAt: at },
      [model],
      null,
      'text',
    ];
    for (const value of values) expect(wireText(value)).toBe(JSON.stringify(wireOf(value)));
  });

  it('gives each page bytes of its own, which no later page overwrites, small or large', () => {
    const pages = Array.from({ length: 400 }, (_, index) => ({
      object: 'list',
      data: Array.from({ length: index % 7 === 0 ? 150 : (index % 20) + 1 }, () => model),
      hasMore: index % 2 === 0,
      nextCursor: `cur_${index}`,
    }));
    const made = pages.map((page) => wireJson(page));
    const decoder = new TextDecoder();
    made.forEach((bytes, index) => {
      expect(decoder.decode(bytes)).toBe(JSON.stringify(wireOf(pages[index])));
    });
  });

  it('is kept for a snapshot of the service, the caller getting bytes of its own, and for nothing else', () => {
    // A snapshot shares nothing that changes; this one does, on purpose, to see that its JSON is kept.
    const inner = { status: 'queued' };
    const kept = snapshot({ id: 'msg_5', inner });
    expect(wireText(kept)).toContain('"queued"');
    inner.status = 'sent';
    expect(wireText(kept)).toContain('"queued"');
    expect(wireText({ data: [kept] })).toContain('"queued"');
    // Frozen is not enough: only the service says what never changes.
    expect(wireText(Object.freeze({ id: 'msg_6', inner }))).toContain('"sent"');
    // The bytes are the caller's own: changing them changes nothing kept.
    wireJson(model).fill(0);
    wireJson({ data: [model] }).fill(0);
    expect(wireText(model)).toBe(JSON.stringify(wireOf(model)));
    expect(wireText({ data: [model, model] })).toBe(JSON.stringify(wireOf({ data: [model, model] })));
    const open = { id: 'msg_4', status: 'queued' };
    expect(wireText(open)).toContain('"queued"');
    open.status = 'sent';
    expect(wireText(open)).toContain('"sent"');
  });
});
