// `aulm.privacy.requests`: create, list, get and the actions; downloadExport and waitFor are in
// privacy-export-wait.test.ts.
import { inspect } from 'node:util';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { PhoneNumber, type PrivacyRequest } from '../../src/contract/index.js';
import { BadRequestError, ResponseValidationError, UnprocessableEntityError } from '../../src/core/errors.js';
import type { PrivacyRequestOf } from '../../src/resources/privacy.js';
import { ok, wireList } from '../core/fake-api.js';
import { at, completedErasure, erasure, MASKED, NUMBER, SHA256, setup } from './privacy-fixtures.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('privacy.requests.create', () => {
  it('posts the type and subject in snake_case to /v1/privacy_requests with an Idempotency-Key', async () => {
    const { api, requests } = setup();
    api.reply({ status: 202, body: erasure() });
    const request = await requests.create({
      type: 'erasure',
      subject: { type: 'recipient', phoneNumber: NUMBER },
    });
    expect(api.requests[0]).toMatchObject({
      method: 'POST',
      url: new URL('https://api.aulm.io/v1/privacy_requests'),
      body: { type: 'erasure', subject: { type: 'recipient', phone_number: NUMBER } },
    });
    expect(api.requests[0]?.headers.get('idempotency-key')).toMatch(/^[\x20-\x7e]{1,255}$/);
    expect(request).toMatchObject({ id: 'prq_1', type: 'erasure', status: 'received', result: null });
    expect(request.dueAt).toEqual(new Date('2026-06-30T12:00:00.000Z'));
  });

  it('sends the Idempotency-Key given', async () => {
    const { api, requests } = setup();
    api.reply({ status: 202, body: erasure() });
    await requests.create(
      { type: 'erasure', subject: { type: 'recipient', phoneNumber: NUMBER } },
      { idempotencyKey: 'erasure-ticket-42' },
    );
    expect(api.requests[0]?.headers.get('idempotency-key')).toBe('erasure-ticket-42');
  });

  it('sends a rectification of the account with its changes and note', async () => {
    const { api, requests } = setup();
    api.reply({
      status: 202,
      body: erasure({ type: 'rectification', subject: { type: 'account' }, changes: { name: 'Acme Ltd' } }),
    });
    const request = await requests.create({
      type: 'rectification',
      subject: { type: 'account' },
      changes: { name: 'Acme Ltd' },
      note: 'Renamed in May',
    });
    expect(api.requests[0]?.body).toEqual({
      type: 'rectification',
      subject: { type: 'account' },
      changes: { name: 'Acme Ltd' },
      note: 'Renamed in May',
    });
    expect(request.subject).toEqual({ type: 'account' });
  });

  it('is typed for the type asked for, so its result reads without narrowing', async () => {
    const { api, requests } = setup();
    api.reply({ status: 202, body: completedErasure() });
    const request = await requests.create({
      type: 'erasure',
      subject: { type: 'recipient', phoneNumber: NUMBER },
    });
    expectTypeOf(request).toEqualTypeOf<PrivacyRequestOf<'erasure'>>();
    expectTypeOf(request.result?.erased.webhookDeliveries).toEqualTypeOf<number | undefined>();
    // @ts-expect-error: an erasure has no download URL
    request.result?.downloadUrl;
    expect(request.result?.erased).toEqual({ logs: 3, messages: 3, webhookDeliveries: 2 });
  });

  it('rejects a response of another type than the one asked for, naming type', async () => {
    const { api, requests } = setup();
    api.reply({ status: 202, body: erasure({ type: 'access' }) });
    const error = await requests
      .create({ type: 'erasure', subject: { type: 'recipient', phoneNumber: NUMBER } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ path: 'type', expected: '"erasure" (the type asked for)' });
  });

  it('rejects a bad phone number locally with param subject.phone_number, and sends nothing', async () => {
    const { api, requests } = setup();
    const error = await requests
      .create({ type: 'erasure', subject: { type: 'recipient', phoneNumber: '07700 900123' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({
      status: 422,
      code: 'invalid_phone_number',
      param: 'subject.phone_number',
      requestId: null,
    });
    expect(String(error)).not.toContain('07700 900123');
    expect(api.requests).toHaveLength(0);
  });

  it('rejects other bad parameters locally as the API would', async () => {
    const { api, requests } = setup();
    const cases: [unknown, object][] = [
      [
        { type: 'forget', subject: { type: 'account' } },
        { code: 'parameter_invalid', param: 'type' },
      ],
      [{ type: 'erasure' }, { code: 'parameter_missing', param: 'subject' }],
      [{ type: 'erasure', subject: { type: 'recipient' } }, { code: 'parameter_missing' }],
      [
        { type: 'rectification', subject: { type: 'account' }, changes: { email: 'not an email' } },
        { code: 'parameter_invalid', param: 'changes.email' },
      ],
      [undefined, { code: 'parameter_invalid', param: null }],
    ];
    for (const [params, expected] of cases) {
      const error = await requests.create(params as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(params)).toBeInstanceOf(UnprocessableEntityError);
      expect(error, JSON.stringify(params)).toMatchObject(expected);
    }
    await expect(
      requests.create({ type: 'access', subject: { type: 'account' }, reason: 'x' } as never),
    ).rejects.toSatisfy((e) => e instanceof BadRequestError && e.param === 'reason');
    expect(api.requests).toHaveLength(0);
  });
});

describe('privacy.requests.list', () => {
  it('gets /v1/privacy_requests with its filters in the query, and walks every page', async () => {
    const { api, requests } = setup();
    api.reply(
      ok(wireList([erasure({ id: 'prq_2' })], 'cur_2')),
      ok(wireList([erasure({ id: 'prq_1', type: 'access' })])),
    );
    const ids: string[] = [];
    for await (const request of requests.list({ type: 'erasure', status: 'completed', limit: 1 })) {
      ids.push(request.id);
    }
    expect(ids).toEqual(['prq_2', 'prq_1']);
    expect(api.requests[0]?.method).toBe('GET');
    expect(api.requests[0]?.url.pathname).toBe('/v1/privacy_requests');
    expect(Object.fromEntries(api.requests[0]!.url.searchParams)).toEqual({
      type: 'erasure',
      status: 'completed',
      limit: '1',
    });
    expect(api.requests[1]?.url.searchParams.get('cursor')).toBe('cur_2');
  });

  it('rejects an unknown status filter locally', async () => {
    const { api, requests } = setup();
    await expect(requests.list({ status: 'done' as never })).rejects.toMatchObject({
      name: 'UnprocessableEntityError',
      param: 'status',
    });
    expect(api.requests).toHaveLength(0);
  });
});

describe('privacy.requests.get', () => {
  it('gets /v1/privacy_requests/{id}, encoding the id', async () => {
    const { api, requests } = setup();
    api.reply(ok(erasure()));
    await requests.get('prq_1/../x');
    expect(api.requests[0]).toMatchObject({ method: 'GET', body: undefined });
    expect(api.requests[0]?.url.pathname).toBe('/v1/privacy_requests/prq_1%2F..%2Fx');
  });

  it("decodes an erasure's result, its counts in camelCase", async () => {
    const { api, requests } = setup();
    api.reply(ok(completedErasure()));
    const request = await requests.get('prq_1');
    expect(request.type).toBe('erasure');
    if (request.type !== 'erasure') return;
    expect(request.result?.erased.webhookDeliveries).toBe(2);
    expect(request.completedAt).toBeInstanceOf(Date);
  });

  it('decodes the result of every type, as a union discriminated on type', async () => {
    const cases: [string, Record<string, unknown>, (request: PrivacyRequest) => unknown, unknown][] = [
      [
        'access',
        {
          categories: ['logs', 'messages'],
          counts: { logs: 4, messages: 4, webhook_deliveries: 1 },
          oldest_record_at: at,
        },
        (r) => r.type === 'access' && [r.result?.counts.webhookDeliveries, r.result?.oldestRecordAt],
        [1, new Date(at)],
      ],
      [
        'export',
        {
          download_url: 'https://api.aulm.io/v1/privacy_requests/prq_1/export',
          format: 'json',
          size_bytes: 2048,
          expires_at: at,
        },
        (r) => r.type === 'export' && [r.result?.sizeBytes, r.result?.expiresAt],
        [2048, new Date(at)],
      ],
      [
        'rectification',
        { updated_fields: ['name'] },
        (r) => r.type === 'rectification' && r.result?.updatedFields,
        ['name'],
      ],
      [
        'restriction',
        { restricted_since: at },
        (r) => r.type === 'restriction' && r.result?.restrictedSince,
        new Date(at),
      ],
      [
        'objection',
        { objected_since: at },
        (r) => r.type === 'objection' && r.result?.objectedSince,
        new Date(at),
      ],
    ];
    for (const [type, result, read, expected] of cases) {
      const { api, requests } = setup();
      api.reply(ok(erasure({ type, status: 'completed', completed_at: at, result })));
      expect(read(await requests.get('prq_1')), type).toEqual(expected);
    }
  });

  it("prints the subject's number masked, and reveals it on request", async () => {
    const { api, requests } = setup();
    api.reply(ok(erasure()));
    const request = await requests.get('prq_1');
    const subject = request.subject.type === 'recipient' ? request.subject : undefined;
    expect(subject?.phoneNumber).toBeInstanceOf(PhoneNumber);
    expect(`${subject?.phoneNumber}`).toBe(MASKED);
    expect(subject?.phoneNumber?.reveal()).toBe(NUMBER);
    for (const printed of [JSON.stringify(request), inspect(request, { depth: null })]) {
      expect(printed).toContain(MASKED);
      expect(printed).not.toContain('7700900123');
    }
  });

  it('keeps only phoneNumberSha256 for a subject whose erasure has completed', async () => {
    const { api, requests } = setup();
    api.reply(ok(completedErasure()));
    const { subject } = await requests.get('prq_1');
    expect(subject).toEqual({ type: 'recipient', phoneNumberSha256: SHA256 });
  });
});

describe('privacy.requests actions', () => {
  it('posts cancel and lift to their paths with an Idempotency-Key and no body', async () => {
    for (const action of ['cancel', 'lift'] as const) {
      const { api, requests } = setup();
      const status = action === 'cancel' ? 'cancelled' : 'lifted';
      api.reply(ok(erasure({ type: 'restriction', status })));
      const request = await requests[action]('prq_1');
      expect(api.requests[0]).toMatchObject({ method: 'POST', body: undefined });
      expect(api.requests[0]?.url.pathname).toBe(`/v1/privacy_requests/prq_1/${action}`);
      expect(api.requests[0]?.headers.get('idempotency-key')).toBeTruthy();
      expect(request.status).toBe(status);
    }
  });

  it('posts extend with its reason, and returns the request extended', async () => {
    const { api, requests } = setup();
    api.reply(ok(erasure({ extended: true, due_at: '2026-08-30T12:00:00.000Z' })));
    const request = await requests.extend('prq_1', { reason: 'Records span three systems' });
    expect(api.requests[0]).toMatchObject({
      method: 'POST',
      body: { reason: 'Records span three systems' },
    });
    expect(api.requests[0]?.url.pathname).toBe('/v1/privacy_requests/prq_1/extend');
    expect(api.requests[0]?.headers.get('idempotency-key')).toBeTruthy();
    expect(request).toMatchObject({ extended: true, dueAt: new Date('2026-08-30T12:00:00.000Z') });
  });

  it('rejects an extension without a reason locally', async () => {
    const { api, requests } = setup();
    await expect(requests.extend('prq_1', { reason: '' })).rejects.toMatchObject({
      name: 'UnprocessableEntityError',
      code: 'parameter_invalid',
      param: 'reason',
    });
    await expect(requests.extend('prq_1', undefined as never)).rejects.toBeInstanceOf(
      UnprocessableEntityError,
    );
    expect(api.requests).toHaveLength(0);
  });

  it('rejects an empty id locally with param id in every method, and sends nothing', async () => {
    const { api, requests } = setup();
    const calls = [
      () => requests.get(''),
      () => requests.cancel(''),
      () => requests.lift(''),
      () => requests.extend('', { reason: 'Records span three systems' }),
      () => requests.downloadExport(''),
      () => requests.waitFor(''),
      () => requests.waitFor({ id: '', type: 'erasure' }),
    ];
    for (const call of calls) {
      const error = await call().catch((e: unknown) => e);
      expect(error, call.toString()).toBeInstanceOf(UnprocessableEntityError);
      expect(error).toMatchObject({ param: 'id' });
    }
    expect(api.requests).toHaveLength(0);
  });
});
