// Under a seed and the manual clock the same script gives the same ids, keys, codes and responses; and
// reset() gives a fresh mock, as if just created.
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { type AulmMockOptions, createAulmMock } from '../../mock-server/index.js';
import { clientFor, textMessage } from './client.js';

// One script: an account, a session paired, two messages, time passing, and every answer kept.
async function script(options: AulmMockOptions) {
  const mock = createAulmMock(options);
  const server = setupServer(...mock.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    return await runScript(mock);
  } finally {
    server.close();
    await mock.close();
  }
}

async function runScript(mock: ReturnType<typeof createAulmMock>) {
  const start = mock.quickstart();
  const api = clientFor(start.apiKey);
  const answers: unknown[] = [start];
  const created = await api.post('/v1/sessions', { name: 'Till' });
  answers.push(created.body, created.headers.get('aulm-request-id'));
  answers.push(mock.sessions.connect(created.body.id));
  for (const to of ['+447700900123', '+447700900000']) {
    const sent = await api.post('/v1/messages', textMessage(start.sessionId, to));
    answers.push(sent.body, sent.headers.get('aulm-request-id'));
  }
  await mock.clock.advance('10s');
  answers.push((await api.get('/v1/logs')).body, (await api.get('/v1/sessions')).body);
  answers.push(mock.journal.map((entry) => ({ ...entry })));
  return answers;
}

describe('a seed', () => {
  it('gives the same ids, keys, codes and responses on every run', async () => {
    const first = await script({ seed: 1234 });
    const second = await script({ seed: 1234 });
    expect(second).toEqual(first);
    expect(JSON.stringify(first)).toContain('aulm_test_');
  });

  it('gives other ids under another seed', async () => {
    const [first] = (await script({ seed: 1 })) as [{ apiKey: string; accountId: string }];
    const [second] = (await script({ seed: 2 })) as [{ apiKey: string; accountId: string }];
    expect(second.apiKey).not.toBe(first.apiKey);
    expect(second.accountId).not.toBe(first.accountId);
  });

  it('starts the clock at 2026-01-01T00:00:00.000Z unless told otherwise', () => {
    expect(createAulmMock({ seed: 1 }).clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    const now = '2030-06-01T12:00:00.000Z';
    expect(createAulmMock({ seed: 1, now }).clock.now().toISOString()).toBe(now);
  });

  it('makes keys and ids of the documented shapes', () => {
    const mock = createAulmMock({ seed: 5 });
    const { apiKey, accountId, sessionId } = mock.quickstart();
    expect(apiKey).toMatch(/^aulm_test_[0-9A-Za-z]{32}$/);
    expect(accountId).toMatch(/^acct_[0-9A-Za-z]{24}$/);
    expect(sessionId).toMatch(/^ses_[0-9A-Za-z]{24}$/);
  });
});

describe('without a seed', () => {
  it('draws different keys each time, and starts at the current time', () => {
    const before = Date.now();
    const first = createAulmMock();
    const second = createAulmMock();
    expect(first.quickstart().apiKey).not.toBe(second.quickstart().apiKey);
    expect(first.clock.now().getTime()).toBeGreaterThanOrEqual(before);
    expect(first.clock.now().getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe('reset()', () => {
  it('drops every account, session, message, timer and journal entry, and rewinds the clock', async () => {
    const mock = createAulmMock({ seed: 8 });
    const server = setupServer(...mock.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const first = await runScript(mock);
      const { apiKey } = mock.quickstart();
      const { body: pairing } = await clientFor(apiKey).post('/v1/sessions');
      const journal = mock.journal;
      mock.reset();
      expect(mock.journal).toEqual([]);
      expect(journal).toBe(mock.journal);
      expect(mock.clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
      expect((await clientFor(apiKey).get('/v1/account')).status).toBe(401);
      expect(() => mock.sessions.connect(pairing.id)).toThrow(/No such session/);
      // After a reset the same script gives the same answers as on a new mock.
      mock.reset();
      expect(await runScript(mock)).toEqual(first);
    } finally {
      server.close();
      await mock.close();
    }
  });
});
