// `aulm.privacy.requests.downloadExport` and `waitFor`; the other methods are in privacy.test.ts.
import { inspect } from 'node:util';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { PhoneNumber, type PrivacyRequest, Redacted } from '../../src/contract/index.js';
import { APIUserAbortError, AulmError, WaitTimeoutError } from '../../src/core/errors.js';
import type { PrivacyRequestOf } from '../../src/resources/privacy.js';
import { ok, wireAccount, wirePrivacyExport } from '../core/fake-api.js';
import { completedErasure, erasure, MASKED, NUMBER, PREVIEW, setup } from './privacy-fixtures.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('privacy.requests.downloadExport', () => {
  it("gets /v1/privacy_requests/{id}/export and decodes the archive into the SDK's models", async () => {
    const { api, requests } = setup();
    api.reply(ok(wirePrivacyExport()));
    const archive = await requests.downloadExport('prq_1');
    expect(api.requests[0]).toMatchObject({ method: 'GET', body: undefined });
    expect(api.requests[0]?.url.pathname).toBe('/v1/privacy_requests/prq_1/export');
    expect(archive).toMatchObject({ object: 'privacy_export', requestId: 'prq_1', account: null });
    expect(archive.generatedAt).toBeInstanceOf(Date);
    const [log] = archive.logs;
    const [message] = archive.messages;
    const [delivery] = archive.webhookDeliveries;
    expect(log?.recipient).toBeInstanceOf(PhoneNumber);
    expect(log?.preview).toBeInstanceOf(Redacted);
    expect(log?.createdAt).toBeInstanceOf(Date);
    expect(message?.to.reveal()).toBe(NUMBER);
    expect(message?.preview?.reveal()).toBe(PREVIEW);
    expect(delivery).toMatchObject({ endpointId: 'whe_1', eventType: 'message.delivered' });
    expect(delivery?.attempts[0]?.at).toBeInstanceOf(Date);
  });

  it('prints no full number and no preview text, however it is printed', async () => {
    const { api, requests } = setup();
    api.reply(ok(wirePrivacyExport()));
    const archive = await requests.downloadExport('prq_1');
    for (const printed of [JSON.stringify(archive), inspect(archive, { depth: null }), `${archive.logs}`]) {
      expect(printed).not.toContain('7700900123');
      expect(printed).not.toContain(PREVIEW);
    }
    const json = JSON.parse(JSON.stringify(archive));
    expect(json.subject.phoneNumber).toBe(MASKED);
    expect(json.logs[0]).toMatchObject({ recipient: MASKED, preview: '[redacted: 17 chars]' });
    expect(json.messages[0]).toMatchObject({ to: MASKED, preview: '[redacted: 17 chars]' });
  });

  it("decodes an account's archive with the account in it", async () => {
    const { api, requests } = setup();
    api.reply(
      ok(wirePrivacyExport({ subject: { type: 'account' }, account: wireAccount(), logs: [], messages: [] })),
    );
    const archive = await requests.downloadExport('prq_1');
    expect(archive.subject).toEqual({ type: 'account' });
    expect(archive.account).toMatchObject({ id: 'acct_1', name: 'Acme' });
    expect(archive.account?.createdAt).toBeInstanceOf(Date);
  });
});

describe('privacy.requests.waitFor', () => {
  const status = (value: string) => ok(erasure({ status: value }));

  it('polls until the request settles, and resolves on each settled status', async () => {
    for (const settled of ['completed', 'rejected', 'cancelled', 'lifted']) {
      const { api, requests } = setup();
      api.reply(status('received'), status('processing'), status(settled));
      const request = await requests.waitFor('prq_1', { pollInterval: 1 });
      expect(request.status, settled).toBe(settled);
      expect(api.requests).toHaveLength(3);
      expect(api.requests.every((seen) => seen.url.pathname === '/v1/privacy_requests/prq_1')).toBe(true);
    }
  });

  it('given the request, resolves with the same type, its result typed', async () => {
    const { api, requests } = setup();
    api.reply({ status: 202, body: erasure() }, status('processing'), ok(completedErasure()));
    const created = await requests.create({
      type: 'erasure',
      subject: { type: 'recipient', phoneNumber: NUMBER },
    });
    const done = await requests.waitFor(created, { pollInterval: 1 });
    expectTypeOf(done).toEqualTypeOf<PrivacyRequestOf<'erasure'>>();
    expect(done.result?.erased.webhookDeliveries).toBe(2);
    expect(api.requests[1]?.url.pathname).toBe('/v1/privacy_requests/prq_1');
  });

  it('given an id, resolves with the union of every type', async () => {
    const { api, requests } = setup();
    api.reply(status('completed'));
    expectTypeOf(await requests.waitFor('prq_1')).toEqualTypeOf<PrivacyRequest>();
  });

  it('rejects a poll that answers another type than the request given', async () => {
    const { api, requests } = setup();
    api.reply(ok(erasure({ type: 'objection' })));
    await expect(requests.waitFor({ id: 'prq_1', type: 'erasure' })).rejects.toMatchObject({
      name: 'ResponseValidationError',
      path: 'type',
    });
  });

  it("until 'completed' resolves on completed, and on lifted, which comes after it", async () => {
    for (const settled of ['completed', 'lifted']) {
      const { api, requests } = setup();
      api.reply(status('processing'), status(settled));
      const request = await requests.waitFor('prq_1', { until: 'completed', pollInterval: 1 });
      expect(request.status).toBe(settled);
    }
  });

  it("until 'completed' rejects with AulmError when the request is rejected or cancelled", async () => {
    for (const settled of ['rejected', 'cancelled']) {
      const { api, requests } = setup();
      api.reply(status('received'), status(settled));
      const error = await requests
        .waitFor('prq_1', { until: 'completed', pollInterval: 1 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AulmError);
      expect(error).not.toBeInstanceOf(WaitTimeoutError);
      expect((error as Error).message).toBe(
        `Privacy request prq_1 was ${settled} and will not complete; wait with until: 'settled' to read it.`,
      );
    }
  });

  it('throws WaitTimeoutError with the last status when the timeout runs out', async () => {
    vi.useFakeTimers();
    const { api, requests } = setup();
    api.always(status('processing'));
    const waiting = requests.waitFor('prq_1', { timeout: 5_000 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    const error = await waiting;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as Error).message).toBe(
      'Timed out after 5000 ms waiting for privacy request prq_1 to be settled (last status: processing).',
    );
    expect((error as WaitTimeoutError).last).toMatchObject({ status: 'processing' });
  });

  it('backs off between polls, 1.5 times longer each time', async () => {
    vi.useFakeTimers();
    const { api, requests } = setup();
    api.always(status('received'));
    const waiting = requests.waitFor('prq_1', { pollInterval: 1_000 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);
    expect(api.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(api.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_499);
    expect(api.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.requests).toHaveLength(3);
    await vi.runAllTimersAsync();
    expect(await waiting).toBeInstanceOf(WaitTimeoutError);
  });

  it('stops with APIUserAbortError when its signal aborts', async () => {
    const { api, requests } = setup();
    api.always(status('received'));
    const controller = new AbortController();
    const waiting = requests.waitFor('prq_1', { signal: controller.signal, pollInterval: 60_000 });
    await vi.waitFor(() => expect(api.requests).toHaveLength(1));
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('refuses an until it cannot wait for, before any request', async () => {
    const { api, requests } = setup();
    await expect(requests.waitFor('prq_1', { until: 'processing' as never })).rejects.toBeInstanceOf(
      AulmError,
    );
    expect(api.requests).toHaveLength(0);
  });
});
