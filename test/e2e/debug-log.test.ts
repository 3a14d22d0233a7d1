// What AULM_LOG=debug shows a developer chasing a flaky call: each attempt, its status, the wait before
// the next and the request id; and never the key, a preview or a full phone number.
import { Aulm } from 'aulm';
import { startAulmMock } from 'aulm/mock-server';
import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

it('logs every attempt of a retried send to the console, with nothing personal in it', async () => {
  const mock = await startAulmMock({ seed: 8 });
  try {
    const { apiKey, sessionId } = mock.quickstart();
    mock.faults.inject({ method: 'POST', path: '/v1/messages', status: 503, retryAfter: 0, times: 1 });
    const lines: string[] = [];
    for (const level of ['debug', 'info', 'warn', 'error'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(
          `${level} ${args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}`,
        );
      });
    }
    vi.stubEnv('AULM_LOG', 'debug');
    const aulm = new Aulm({ apiKey });
    const message = await aulm.messages.send({ sessionId, to: '+447700900123', text: 'Your code is 4821' });

    const [first, second] = mock.journal.map((entry) => entry.requestId);
    expect(lines).toEqual([
      expect.stringMatching(/^debug aulm: POST \/v1\/messages .*"attempt":1/),
      expect.stringMatching(new RegExp(`^info aulm: POST /v1/messages → 503 .*"requestId":"${first}"`)),
      expect.stringMatching(/^warn aulm: retrying POST \/v1\/messages in 0 ms .*"delayMs":0/),
      expect.stringMatching(/^debug aulm: POST \/v1\/messages .*"attempt":2/),
      expect.stringMatching(new RegExp(`^info aulm: POST /v1/messages → 202 .*"requestId":"${second}"`)),
    ]);
    const all = lines.join('\n');
    expect(all).not.toContain(apiKey);
    expect(all).not.toContain(apiKey.slice(-8));
    expect(all).not.toContain('4821');
    expect(all).not.toContain('447700900123');
    expect(message.status).toBe('queued');
  } finally {
    await mock.close();
  }
});
