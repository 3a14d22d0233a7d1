import { describe, expect, it } from 'vitest';
import { UnprocessableEntityError } from '../../src/core/errors.js';
import { resolveOptions } from '../../src/core/options.js';
import { Pipeline } from '../../src/core/pipeline.js';
import { SupportResource } from '../../src/resources/support.js';
import { FakeAPI, ok, TEST_KEY, wireList, wireTicket } from '../core/fake-api.js';

const at = '2026-05-30T12:00:00.000Z';

function setup() {
  const api = new FakeAPI();
  const pipeline = new Pipeline(resolveOptions({ apiKey: TEST_KEY, maxRetries: 0 }), {
    transport: api.transport,
  });
  return { api, tickets: new SupportResource(pipeline).tickets };
}

const conversation = [
  { author: 'customer', body: 'ses_1 drops every few minutes.', created_at: at },
  { author: 'agent', body: 'A fix is rolling out.', created_at: '2026-05-30T12:10:00.000Z' },
];

describe('support.tickets.create', () => {
  it('posts the subject, body and priority to /v1/support/tickets with an Idempotency-Key', async () => {
    const { api, tickets } = setup();
    api.reply({ status: 201, body: wireTicket({ priority: 'high', messages: conversation.slice(0, 1) }) });
    const ticket = await tickets.create({
      subject: 'Session keeps disconnecting',
      body: 'ses_1 drops every few minutes.',
      priority: 'high',
    });
    expect(api.requests[0]).toMatchObject({
      method: 'POST',
      url: new URL('https://api.aulm.io/v1/support/tickets'),
      body: {
        subject: 'Session keeps disconnecting',
        body: 'ses_1 drops every few minutes.',
        priority: 'high',
      },
    });
    expect(api.requests[0]?.headers.get('idempotency-key')).toBeTruthy();
    expect(ticket).toMatchObject({ id: 'tkt_1', object: 'support_ticket', status: 'open', priority: 'high' });
    expect(ticket.createdAt).toBeInstanceOf(Date);
  });

  it('rejects a ticket without a subject, or with an unknown priority, locally', async () => {
    const { api, tickets } = setup();
    await expect(tickets.create({ subject: '', body: 'Help' })).rejects.toMatchObject({
      name: 'UnprocessableEntityError',
      param: 'subject',
    });
    await expect(
      tickets.create({ subject: 'Help', body: 'Help', priority: 'urgent' as never }),
    ).rejects.toMatchObject({ param: 'priority' });
    expect(api.requests).toHaveLength(0);
  });
});

describe('support.tickets.list', () => {
  it('gets /v1/support/tickets with its status filter and limit', async () => {
    const { api, tickets } = setup();
    api.reply(ok(wireList([wireTicket({ status: 'solved' })])));
    const page = await tickets.list({ status: 'solved', limit: 5 });
    expect(api.requests[0]?.method).toBe('GET');
    expect(api.requests[0]?.url.pathname).toBe('/v1/support/tickets');
    expect(Object.fromEntries(api.requests[0]!.url.searchParams)).toEqual({ status: 'solved', limit: '5' });
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({ id: 'tkt_1', status: 'solved' });
    expect(page.data[0]).not.toHaveProperty('messages');
  });
});

describe('support.tickets.get', () => {
  it('gets /v1/support/tickets/{id} with its conversation', async () => {
    const { api, tickets } = setup();
    api.reply(ok(wireTicket({ status: 'pending', messages: conversation })));
    const ticket = await tickets.get('tkt_1');
    expect(api.requests[0]).toMatchObject({ method: 'GET', body: undefined });
    expect(api.requests[0]?.url.pathname).toBe('/v1/support/tickets/tkt_1');
    expect(ticket.messages?.map((message) => message.author)).toEqual(['customer', 'agent']);
    expect(ticket.messages?.[1]).toEqual({
      author: 'agent',
      body: 'A fix is rolling out.',
      createdAt: new Date('2026-05-30T12:10:00.000Z'),
    });
  });
});

describe('support.tickets.reply', () => {
  it('posts the body to /v1/support/tickets/{id}/messages and returns the ticket', async () => {
    const { api, tickets } = setup();
    api.reply(ok(wireTicket({ status: 'open', messages: conversation })));
    const ticket = await tickets.reply('tkt_1', { body: 'Still happening on ses_1.' });
    expect(api.requests[0]).toMatchObject({ method: 'POST', body: { body: 'Still happening on ses_1.' } });
    expect(api.requests[0]?.url.pathname).toBe('/v1/support/tickets/tkt_1/messages');
    expect(api.requests[0]?.headers.get('idempotency-key')).toBeTruthy();
    expect(ticket.id).toBe('tkt_1');
  });

  it('rejects an empty reply locally', async () => {
    const { api, tickets } = setup();
    await expect(tickets.reply('tkt_1', { body: '' })).rejects.toMatchObject({ param: 'body' });
    expect(api.requests).toHaveLength(0);
  });
});

describe('support.tickets.rate', () => {
  it('posts the score and comment to /v1/support/tickets/{id}/csat and returns the rated ticket', async () => {
    const { api, tickets } = setup();
    api.reply(ok(wireTicket({ status: 'solved', csat: { score: 5, comment: 'Fixed fast.', rated_at: at } })));
    const ticket = await tickets.rate('tkt_1', { score: 5, comment: 'Fixed fast.' });
    expect(api.requests[0]).toMatchObject({ method: 'POST', body: { score: 5, comment: 'Fixed fast.' } });
    expect(api.requests[0]?.url.pathname).toBe('/v1/support/tickets/tkt_1/csat');
    expect(api.requests[0]?.headers.get('idempotency-key')).toBeTruthy();
    expect(ticket.csat).toEqual({ score: 5, comment: 'Fixed fast.', ratedAt: new Date(at) });
  });

  it('rejects a score outside 1 to 5, or not whole, locally with param score', async () => {
    const { api, tickets } = setup();
    for (const score of [6, 0, 4.5]) {
      const error = await tickets.rate('tkt_1', { score }).catch((e: unknown) => e);
      expect(error, String(score)).toBeInstanceOf(UnprocessableEntityError);
      expect(error).toMatchObject({ code: 'parameter_invalid', param: 'score' });
    }
    await expect(tickets.rate('tkt_1', {} as never)).rejects.toMatchObject({
      code: 'parameter_missing',
      param: 'score',
    });
    expect(api.requests).toHaveLength(0);
  });
});

describe('support.tickets ids', () => {
  it('rejects an empty id locally with param id in every method, and sends nothing', async () => {
    const { api, tickets } = setup();
    const calls = [
      () => tickets.get(''),
      () => tickets.reply('', { body: 'Hello' }),
      () => tickets.rate('', { score: 5 }),
    ];
    for (const call of calls) {
      await expect(call()).rejects.toMatchObject({ name: 'UnprocessableEntityError', param: 'id' });
    }
    expect(api.requests).toHaveLength(0);
  });
});
