// The wire's naming rules without a schema (`modelOf`): what `aulm/webhooks` reads events with. Its
// agreement with the contract's codecs is checked over every response and event in openapi.test.ts;
// here, the cases no response has.
import { describe, expect, it } from 'vitest';
import { modelOf, PhoneNumber } from '../../src/contract/index.js';

describe('modelOf', () => {
  it('never lets a wire key __proto__ set the prototype of the model', () => {
    const model = modelOf(JSON.parse('{"__proto__": {"polluted": true}, "session_id": "ses_1"}')) as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(model)).toBe(Object.prototype);
    expect(model.polluted).toBeUndefined();
    expect(Object.keys(model)).toEqual(['_Proto__', 'sessionId']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves the keys of metadata as the user wrote them, and reads what field names say', () => {
    const model = modelOf({
      metadata: { order_id: '1', 'Some Key': '2' },
      to: '+447700900123',
      created_at: '2026-11-01T10:00:00Z',
      restricted_since: 'not a time',
      items: [{ phone_number: '+447700900555' }],
    }) as Record<string, unknown>;
    expect(model.metadata).toEqual({ order_id: '1', 'Some Key': '2' });
    expect(model.to).toBeInstanceOf(PhoneNumber);
    expect(model.createdAt).toEqual(new Date('2026-11-01T10:00:00Z'));
    expect(model.restrictedSince).toBe('not a time');
    expect((model.items as Array<{ phoneNumber: unknown }>)[0]!.phoneNumber).toBeInstanceOf(PhoneNumber);
  });
});
