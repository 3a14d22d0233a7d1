// Support tickets over the wire: open one, list and read it, write on it, the agent (the mock's handle)
// answering and solving it, and the rating: once, and only when solved.
import { beforeEach, describe, expect, it } from 'vitest';
import { clientFor, useMock, type Wire } from './client.js';

const mock = useMock({ seed: 24 });

let api: ReturnType<typeof clientFor>;

beforeEach(() => {
  api = clientFor(mock.quickstart().apiKey);
});

async function open(body: Wire = { subject: 'Session drops', body: 'ses_1 drops every few minutes.' }) {
  const answer = await api.post('/v1/support/tickets', body);
  expect(answer.status).toBe(201);
  return answer.body;
}

describe('POST /v1/support/tickets', () => {
  it('opens a ticket: open, priority normal, the body its first customer message', async () => {
    const ticket = await open();
    expect(ticket).toEqual({
      id: expect.stringMatching(/^tkt_[0-9A-Za-z]{24}$/),
      object: 'support_ticket',
      subject: 'Session drops',
      status: 'open',
      priority: 'normal',
      messages: [
        {
          author: 'customer',
          body: 'ses_1 drops every few minutes.',
          created_at: '2026-01-01T00:00:00.000Z',
        },
      ],
      csat: null,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    });
    expect((await api.get(`/v1/support/tickets/${ticket.id}`)).body).toEqual(ticket);
  });

  it('takes a priority, and refuses a bad one or a missing body with 422 naming it', async () => {
    expect((await open({ subject: 'Down', body: 'All down', priority: 'high' })).priority).toBe('high');
    const bad = await api.post('/v1/support/tickets', { subject: 'x', body: 'y', priority: 'urgent' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.param).toBe('priority');
    const missing = await api.post('/v1/support/tickets', { subject: 'x' });
    expect(missing.status).toBe(422);
    expect(missing.body.error).toMatchObject({ code: 'parameter_missing', param: 'body' });
  });
});

describe('GET /v1/support/tickets', () => {
  it('lists newest first without messages, filters by status, and pages', async () => {
    const a = await open({ subject: 'A', body: 'a' });
    const b = await open({ subject: 'B', body: 'b' });
    const c = await open({ subject: 'C', body: 'c' });
    mock.support.solve(b.id);
    const all = await api.get('/v1/support/tickets?limit=2');
    expect(all.body.data.map((t: Wire) => t.id)).toEqual([c.id, b.id]);
    for (const ticket of all.body.data) expect(ticket).not.toHaveProperty('messages');
    const rest = await api.get(`/v1/support/tickets?limit=2&cursor=${all.body.next_cursor}`);
    expect(rest.body.data.map((t: Wire) => t.id)).toEqual([a.id]);
    const solved = await api.get('/v1/support/tickets?status=solved');
    expect(solved.body.data.map((t: Wire) => t.id)).toEqual([b.id]);
    const opened = await api.get('/v1/support/tickets?status=open');
    expect(opened.body.data.map((t: Wire) => t.id)).toEqual([c.id, a.id]);
    expect((await api.get('/v1/support/tickets?status=closed')).status).toBe(422);
  });

  it("never shows one account another's tickets: 404 on every route", async () => {
    const theirs = await open();
    const other = clientFor(mock.accounts.create().apiKey);
    expect((await other.get('/v1/support/tickets')).body.data).toEqual([]);
    expect((await other.get(`/v1/support/tickets/${theirs.id}`)).status).toBe(404);
    expect((await other.post(`/v1/support/tickets/${theirs.id}/messages`, { body: 'hi' })).status).toBe(404);
    mock.support.solve(theirs.id);
    expect((await other.post(`/v1/support/tickets/${theirs.id}/csat`, { score: 1 })).status).toBe(404);
    expect((await api.get(`/v1/support/tickets/${theirs.id}`)).body.csat).toBeNull();
  });
});

describe('the conversation', () => {
  it('the agent answers (pending), the customer writes back (open), the agent solves it (solved)', async () => {
    const ticket = await open();
    await mock.clock.advance('1h');
    expect(mock.support.reply(ticket.id, 'Which phone is it on?')).toMatchObject({ status: 'pending' });
    await mock.clock.advance('1h');
    const answered = await api.post(`/v1/support/tickets/${ticket.id}/messages`, { body: 'A Pixel 8.' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'open', updated_at: '2026-01-01T02:00:00.000Z' });
    await mock.clock.advance('1h');
    mock.support.solve(ticket.id, { reply: 'Fixed in 2.3.1.' });
    const solved = (await api.get(`/v1/support/tickets/${ticket.id}`)).body;
    expect(solved.status).toBe('solved');
    expect(solved.updated_at).toBe('2026-01-01T03:00:00.000Z');
    expect(solved.messages.map((m: Wire) => [m.author, m.body, m.created_at])).toEqual([
      ['customer', 'ses_1 drops every few minutes.', '2026-01-01T00:00:00.000Z'],
      ['agent', 'Which phone is it on?', '2026-01-01T01:00:00.000Z'],
      ['customer', 'A Pixel 8.', '2026-01-01T02:00:00.000Z'],
      ['agent', 'Fixed in 2.3.1.', '2026-01-01T03:00:00.000Z'],
    ]);
  });

  it('reopens a solved ticket when the customer writes on it', async () => {
    const ticket = await open();
    mock.support.solve(ticket.id);
    const reopened = await api.post(`/v1/support/tickets/${ticket.id}/messages`, { body: 'It is back.' });
    expect(reopened.body.status).toBe('open');
  });

  it('solve without a reply adds no message; an unknown ticket throws a 404 ServiceError', async () => {
    const ticket = await open();
    expect(mock.support.solve(ticket.id).messages).toHaveLength(1);
    expect(() => mock.support.solve('tkt_000000000000000000000000')).toThrow(/No such support ticket/);
  });
});

describe('POST /v1/support/tickets/{id}/csat', () => {
  it('rates a solved ticket once: 409 invalid_state before it is solved and after it is rated', async () => {
    const ticket = await open();
    const early = await api.post(`/v1/support/tickets/${ticket.id}/csat`, { score: 5 });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ type: 'conflict_error', code: 'invalid_state' });

    mock.support.solve(ticket.id, { reply: 'Done.' });
    await mock.clock.advance('10m');
    const rated = await api.post(`/v1/support/tickets/${ticket.id}/csat`, { score: 4, comment: 'Quick.' });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({
      status: 'solved',
      csat: { score: 4, comment: 'Quick.', rated_at: '2026-01-01T00:10:00.000Z' },
      updated_at: '2026-01-01T00:10:00.000Z',
    });

    const again = await api.post(`/v1/support/tickets/${ticket.id}/csat`, { score: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_state');
    expect((await api.get(`/v1/support/tickets/${ticket.id}`)).body.csat.score).toBe(4);
  });

  it('keeps a rating once given: reopened and solved again, the ticket is not rated twice', async () => {
    const ticket = await open();
    mock.support.solve(ticket.id);
    await api.post(`/v1/support/tickets/${ticket.id}/csat`, { score: 2 });
    await api.post(`/v1/support/tickets/${ticket.id}/messages`, { body: 'Still broken.' });
    mock.support.solve(ticket.id);
    const again = await api.post(`/v1/support/tickets/${ticket.id}/csat`, { score: 5 });
    expect(again.status).toBe(409);
    expect((await api.get(`/v1/support/tickets/${ticket.id}`)).body.csat).toMatchObject({
      score: 2,
      comment: null,
    });
  });

  it('refuses a score outside 1 to 5 with 422 naming score', async () => {
    const ticket = await open();
    mock.support.solve(ticket.id);
    for (const score of [0, 6, 4.5]) {
      const answer = await api.post(`/v1/support/tickets/${ticket.id}/csat`, { score });
      expect(answer.status, String(score)).toBe(422);
      expect(answer.body.error.param).toBe('score');
    }
  });
});
