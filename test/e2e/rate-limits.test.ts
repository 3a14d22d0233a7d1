// Rate limits as the SDK reports them: the `ratelimit-*` headers in `withResponse()`, and a refusal as a
// RateLimitError that says how long to wait.
import { Aulm, RateLimitError } from 'aulm';
import { startAulmMock } from 'aulm/mock-server';
import { expect, it } from 'vitest';

it('reads the rate limit of each response, and throws RateLimitError with retryAfter when it is spent', async () => {
  const mock = await startAulmMock({ seed: 9, rateLimit: { requestsPerSecond: 1, burst: 2 } });
  try {
    const aulm = new Aulm({ apiKey: mock.quickstart().apiKey, maxRetries: 0 });
    const { data, rateLimit, requestId } = await aulm.account.get().withResponse();
    expect(data.object).toBe('account');
    expect(requestId).toMatch(/^req_/);
    expect(rateLimit).toEqual({ limit: 2, remaining: 1, resetAt: expect.any(Date) });

    await aulm.account.get();
    const error = await aulm.account.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfter: 1 });

    await mock.clock.advance('1s');
    await expect(aulm.account.get()).resolves.toMatchObject({ object: 'account' });
  } finally {
    await mock.close();
  }
});
