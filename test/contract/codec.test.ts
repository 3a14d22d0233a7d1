// One camelCase declaration converts both ways, and a bad value is reported in the API's own terms.

import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { compiledOf } from '../../src/contract/compiled.js';
import {
  describeIssue,
  ListLogsParams,
  Message,
  MessageLogList,
  PhoneNumber,
  Redacted,
  SendMessageParams,
} from '../../src/contract/index.js';

const wireMessage = {
  id: 'msg_1',
  object: 'message',
  session_id: 'ses_1',
  to: '+447700900123',
  type: 'text',
  status: 'queued',
  preview: 'Your code is 4821',
  error: null,
  metadata: { order_id: 'A-1' },
  created_at: '2026-05-30T12:00:00.000Z',
  updated_at: '2026-05-30T12:00:01.000Z',
};

const problem = (schema: z.ZodMiniType, value: unknown, direction: 'encode' | 'decode' = 'encode') => {
  const result =
    direction === 'encode' ? z.safeEncode(schema, value as never) : z.safeDecode(schema, value as never);
  if (result.success) throw new Error('expected the value to be refused');
  return describeIssue(result.error);
};

describe('wire models', () => {
  it('decode snake_case into camelCase models with dates, masked numbers and redacted previews', () => {
    const message = z.decode(Message, wireMessage as never);
    expect(message.sessionId).toBe('ses_1');
    expect(message.createdAt).toEqual(new Date('2026-05-30T12:00:00.000Z'));
    expect(message.to).toBeInstanceOf(PhoneNumber);
    expect(message.preview).toBeInstanceOf(Redacted);
  });

  it('leave the keys of metadata as the user wrote them', () => {
    expect(z.decode(Message, wireMessage as never).metadata).toEqual({ order_id: 'A-1' });
  });

  it('encode a model back to exactly the wire it came from', () => {
    expect(z.encode(Message, z.decode(Message, wireMessage as never))).toEqual(wireMessage);
  });

  it('read every timestamp to the instant new Date reads, the API’s own form by its digits', () => {
    const texts = ['2026-05-30T12:00:00Z', '2026-05-30T14:00:00.5+02:00', '2026-05-30T12:00:00.123456Z'];
    for (const year of [
      '0000',
      '0001',
      '0099',
      '0100',
      '0999',
      '1600',
      '1900',
      '1969',
      '1970',
      '2000',
      '2024',
      '9999',
    ])
      for (const month of ['01', '02', '09', '12'])
        for (const day of ['01', '28', '29', '30'])
          for (const time of ['00:00:00.000', '23:59:59.999', '12:34:56.078'])
            texts.push(`${year}-${month}-${day}T${time}Z`);
    const read = texts
      .map((text) => [text, z.safeDecode(Message, { ...wireMessage, created_at: text } as never)] as const)
      .filter(([, decoded]) => decoded.success);
    expect(read.length).toBeGreaterThan(500);
    for (const [text, decoded] of read)
      expect(decoded.data?.createdAt.getTime(), text).toBe(new Date(text).getTime());
  });

  it('drop fields a newer service adds, so a response stays readable', () => {
    expect(z.decode(Message, { ...wireMessage, priority: 'high' } as never)).not.toHaveProperty('priority');
  });

  it('take no key from an altered Object.prototype into a model, compiled or not', () => {
    const keys: string[][] = [];
    Object.defineProperty(Object.prototype, 'is_admin', {
      value: true,
      enumerable: true,
      configurable: true,
      writable: true,
    });
    try {
      for (const schema of [Message, compiledOf(Message)])
        keys.push(Object.keys(z.decode(schema, wireMessage as never)));
    } finally {
      delete (Object.prototype as Record<string, unknown>).is_admin;
    }
    const clean = Object.keys(z.decode(Message, wireMessage as never));
    expect(keys).toEqual([clean, clean]);
  });

  it('name the wire field that does not match', () => {
    const result = z.safeDecode(MessageLogList, <never>{
      object: 'list',
      data: [{ ...wireMessage, object: 'message_log', recipient: 'nope', timestamp: wireMessage.created_at }],
      has_more: false,
      next_cursor: null,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['data', 0, 'recipient']);
  });
});

describe('request parameters', () => {
  it('turn { text } into the wire text body and back', () => {
    const wire = z.encode(SendMessageParams, { sessionId: 'ses_1', to: '+447700900123', text: 'hi' });
    expect(wire).toEqual({ session_id: 'ses_1', to: '+447700900123', type: 'text', text: { body: 'hi' } });
    expect(z.decode(SendMessageParams, wire)).toEqual({
      sessionId: 'ses_1',
      to: '+447700900123',
      text: 'hi',
    });
  });

  it('turn { media } into the wire media object', () => {
    const media = { url: 'https://cdn.example/x.jpg', mimeType: 'image/jpeg', caption: 'Look' };
    expect(z.encode(SendMessageParams, { sessionId: 'ses_1', to: '+447700900123', media })).toEqual({
      session_id: 'ses_1',
      to: '+447700900123',
      type: 'media',
      media: { url: 'https://cdn.example/x.jpg', mime_type: 'image/jpeg', caption: 'Look' },
    });
  });

  it('report a bad phone number as invalid_phone_number on "to"', () => {
    expect(problem(SendMessageParams, { sessionId: 'ses_1', to: '07700900123', text: 'hi' })).toMatchObject({
      status: 422,
      code: 'invalid_phone_number',
      param: 'to',
    });
  });

  it('report a missing text, an empty one and one too long, each by its field', () => {
    expect(problem(SendMessageParams, { sessionId: 'ses_1', to: '+447700900123' })).toMatchObject({
      code: 'parameter_missing',
      param: 'text',
    });
    expect(problem(SendMessageParams, { sessionId: 'ses_1', to: '+447700900123', text: '' })).toMatchObject({
      code: 'parameter_invalid',
      param: 'text.body',
      message: 'Invalid text.body: must not be empty.',
    });
    const long = { sessionId: 'ses_1', to: '+447700900123', text: 'x'.repeat(4097) };
    expect(problem(SendMessageParams, long).message).toBe(
      'Invalid text.body: must be at most 4096 characters.',
    );
  });

  it('report an unknown field as 400 unknown_parameter', () => {
    const wire = {
      session_id: 'ses_1',
      to: '+447700900123',
      type: 'text',
      text: { body: 'hi' },
      colour: 'red',
    };
    expect(problem(SendMessageParams, wire, 'decode')).toMatchObject({
      status: 400,
      code: 'unknown_parameter',
      param: 'colour',
    });
  });

  it('report metadata past its limits by its key', () => {
    const metadata = Object.fromEntries(Array.from({ length: 21 }, (_, index) => [`k${index}`, 'v']));
    expect(
      problem(SendMessageParams, { sessionId: 'ses_1', to: '+447700900123', text: 'hi', metadata }),
    ).toMatchObject({ param: 'metadata', message: 'Invalid metadata: must have at most 20 keys.' });
    const value = {
      sessionId: 'ses_1',
      to: '+447700900123',
      text: 'hi',
      metadata: { plan: 'x'.repeat(501) },
    };
    expect(problem(SendMessageParams, value).param).toBe('metadata.plan');
  });

  it('carry list filters as query strings: limits as numbers, times as full ISO timestamps', () => {
    const query = z.encode(ListLogsParams, {
      limit: 100,
      since: '2026-11-01',
      until: new Date(Date.UTC(2026, 10, 2)),
    });
    expect(query).toEqual({
      limit: '100',
      since: '2026-11-01T00:00:00.000Z',
      until: '2026-11-02T00:00:00.000Z',
    });
    expect(z.decode(ListLogsParams, query).since).toEqual(new Date('2026-11-01T00:00:00.000Z'));
  });

  it('refuse a limit out of range and a time that is not one', () => {
    expect(problem(ListLogsParams, { limit: 101 })).toMatchObject({
      param: 'limit',
      code: 'parameter_invalid',
    });
    expect(problem(ListLogsParams, { since: 'yesterday' })).toMatchObject({
      param: 'since',
      message: 'Invalid since: must be an ISO 8601 timestamp.',
    });
  });
});

describe('the kind of a message', () => {
  const wire = { session_id: 'ses_1', to: '+447700900123', text: { body: 'hi' } };
  const check = (value: unknown) => {
    const result = z.safeDecode(SendMessageParams, value as never, { reportInput: true });
    if (result.success) throw new Error('expected the value to be refused');
    return describeIssue(result.error);
  };

  it('is reported missing when the body has no type', () => {
    expect(check(wire)).toMatchObject({ code: 'parameter_missing', param: 'type' });
  });

  it('names the kinds there are when the type is unknown', () => {
    expect(check({ ...wire, type: 'video' })).toMatchObject({
      code: 'parameter_invalid',
      param: 'type',
      message: 'Invalid type: must be "text" or "media".',
    });
  });

  it('tells a field of the wrong type from a missing one', () => {
    expect(check({ ...wire, type: 'text', to: 447700900123 })).toMatchObject({
      code: 'parameter_invalid',
      param: 'to',
      message: 'Invalid to: expected string.',
    });
  });
});
