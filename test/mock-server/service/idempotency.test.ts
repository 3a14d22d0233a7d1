// Idempotency keys as service calls, without HTTP: what counts as the same body, a key in progress, and a
// key released after a server failure.
import { describe, expect, it } from 'vitest';
import { MockClock } from '../../../mock-server/clock.js';
import { IdFactory } from '../../../mock-server/ids.js';
import { Randomness } from '../../../mock-server/random.js';
import { fingerprintOf } from '../../../mock-server/service/idempotency.js';
import { createService } from '../../../mock-server/service/index.js';

function service() {
  const clock = new MockClock({ mode: 'manual', start: new Date('2026-01-01T00:00:00.000Z') });
  return createService({ clock, ids: new IdFactory(new Randomness(1)), retentionDays: 30 });
}

const request = { accountId: 'acct_1', key: 'k', method: 'POST', path: '/v1/sessions', body: '{}' };

describe('fingerprintOf', () => {
  it('ignores key order and whitespace, but not array order or values', () => {
    expect(fingerprintOf('{"a":1,"b":{"c":[1,2],"d":null}}')).toBe(
      fingerprintOf(' { "b" : { "d" : null, "c" : [ 1, 2 ] }, "a" : 1.0 } '),
    );
    expect(fingerprintOf('{"c":[1,2]}')).not.toBe(fingerprintOf('{"c":[2,1]}'));
    expect(fingerprintOf('{"a":"1"}')).not.toBe(fingerprintOf('{"a":1}'));
  });

  it('reads an empty body as {}, and compares a body that is not JSON as sent', () => {
    expect(fingerprintOf('')).toBe(fingerprintOf('{}'));
    expect(fingerprintOf('{"a":')).not.toBe(fingerprintOf('{"a": '));
  });
});

describe('IdempotencyKeys', () => {
  it('holds a key as in progress until completed, then replays the answer', () => {
    const { idempotencyKeys } = service();
    const first = idempotencyKeys.begin(request);
    expect(first.kind).toBe('first');
    expect(() => idempotencyKeys.begin(request)).toThrow(
      expect.objectContaining({ status: 409, code: 'idempotency_request_in_progress' }),
    );
    if (first.kind === 'first')
      first.reservation.complete({ status: 201, body: { id: 'x' }, requestId: 'req_1' });
    expect(idempotencyKeys.begin(request)).toEqual({
      kind: 'replay',
      answer: { status: 201, body: { id: 'x' }, requestId: 'req_1' },
    });
  });

  it('frees a released key, so that the next request runs anew', () => {
    const { idempotencyKeys } = service();
    const first = idempotencyKeys.begin(request);
    if (first.kind === 'first') first.reservation.release();
    expect(idempotencyKeys.begin({ ...request, body: '{"name":"other"}' }).kind).toBe('first');
  });

  it('tells a reused key before one in progress', () => {
    const { idempotencyKeys } = service();
    idempotencyKeys.begin(request);
    expect(() => idempotencyKeys.begin({ ...request, path: '/v1/messages' })).toThrow(
      expect.objectContaining({ status: 409, code: 'idempotency_key_reused' }),
    );
  });
});
