// The support agent's control routes on the standalone server: solve a ticket (with a last message) and
// answer one, over real HTTP, and their refusals.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type StandaloneServer, startStandalone } from '../../mock-server/index.js';
import { call } from './client.js';

let server: StandaloneServer;

beforeAll(async () => {
  server = await startStandalone({ port: 0, seed: 1, clock: 'manual' });
});
afterAll(() => server.close());

it('answers and solves a ticket through /__mock/support/tickets/{id}/reply and /solve', async () => {
  const api = (method: string, path: string, body?: unknown) =>
    call(method, path, { base: server.url, key: server.apiKey, ...(body === undefined ? {} : { body }) });
  const control = (path: string, body?: unknown) =>
    call('POST', path, { base: server.url, ...(body === undefined ? {} : { body }) });

  const ticket = (await api('POST', '/v1/support/tickets', { subject: 'Help', body: 'Please' })).body;
  const pending = await control(`/__mock/support/tickets/${ticket.id}/reply`, { body: 'Which phone?' });
  expect(pending.status).toBe(200);
  expect(pending.body).toMatchObject({ id: ticket.id, object: 'support_ticket', status: 'pending' });

  const solved = await control(`/__mock/support/tickets/${ticket.id}/solve`, { reply: 'Fixed.' });
  expect(solved.status).toBe(200);
  expect(solved.body.status).toBe('solved');
  expect(solved.body.messages.at(-1)).toMatchObject({ author: 'agent', body: 'Fixed.' });
  expect((await api('POST', `/v1/support/tickets/${ticket.id}/csat`, { score: 5 })).status).toBe(200);

  expect((await control('/__mock/support/tickets/tkt_000000000000000000000000/solve')).status).toBe(404);
  const bad = await control(`/__mock/support/tickets/${ticket.id}/reply`, {});
  expect(bad.status).toBe(422);
  expect(bad.body.error.param).toBe('body');
});
