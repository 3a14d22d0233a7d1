// Messages over the wire: sending, the timeline each follows on the manual clock, the test numbers,
// previews, and every refusal (unknown session, session not connected, bad input that changes nothing).
import { describe, expect, it } from 'vitest';
import { clientFor, textMessage, useMock } from './client.js';

const mock = useMock({ seed: 5 });

function start() {
  const { apiKey, sessionId } = mock.quickstart();
  return { api: clientFor(apiKey), sessionId };
}

async function statusesOver(
  api: ReturnType<typeof clientFor>,
  id: string,
  seconds: number[],
): Promise<string[]> {
  const seen: string[] = [];
  let elapsed = 0;
  for (const second of seconds) {
    await mock.clock.advance((second - elapsed) * 1000);
    elapsed = second;
    seen.push((await api.get(`/v1/messages/${id}`)).body.status);
  }
  return seen;
}

describe('POST /v1/messages', () => {
  it('answers 202 with the message queued, the number and preview as plain strings', async () => {
    const { api, sessionId } = start();
    const answer = await api.post('/v1/messages', {
      ...textMessage(sessionId, '+447700900123', 'Your code is 4821'),
      metadata: { order_id: 'A-1' },
    });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^msg_[0-9A-Za-z]{24}$/),
      object: 'message',
      session_id: sessionId,
      to: '+447700900123',
      type: 'text',
      status: 'queued',
      preview: 'Your code is 4821',
      error: null,
      metadata: { order_id: 'A-1' },
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    });
    expect((await api.get(`/v1/messages/${answer.body.id}`)).body).toEqual(answer.body);
  });

  it('moves queued → sent at 1 s → delivered at 3 s → read at 10 s, each at its own time', async () => {
    const { api, sessionId } = start();
    const { body: sent } = await api.post('/v1/messages', textMessage(sessionId, '+447700900123'));
    expect(await statusesOver(api, sent.id, [0.999, 1, 2.999, 3, 9.999, 10, 60])).toEqual([
      'queued',
      'sent',
      'sent',
      'delivered',
      'delivered',
      'read',
      'read',
    ]);
    expect((await api.get(`/v1/messages/${sent.id}`)).body.updated_at).toBe('2026-01-01T00:00:10.000Z');
  });

  it('stamps each status with its own time when one advance passes several', async () => {
    const { api, sessionId } = start();
    const { body: sent } = await api.post('/v1/messages', textMessage(sessionId, '+447700900123'));
    await mock.clock.advance('3500ms');
    const log = (await api.get(`/v1/logs/${sent.id}`)).body;
    expect(log).toMatchObject({ status: 'delivered', timestamp: '2026-01-01T00:00:03.000Z' });
  });

  it('stops at sent for a number ending 0001', async () => {
    const { api, sessionId } = start();
    const { body: sent } = await api.post('/v1/messages', textMessage(sessionId, '+447700900001'));
    expect(await statusesOver(api, sent.id, [1, 3, 10, 3600])).toEqual(['sent', 'sent', 'sent', 'sent']);
  });

  it('stops at delivered for a number ending 0002', async () => {
    const { api, sessionId } = start();
    const { body: sent } = await api.post('/v1/messages', textMessage(sessionId, '+447700900002'));
    expect(await statusesOver(api, sent.id, [1, 3, 10, 3600])).toEqual([
      'sent',
      'delivered',
      'delivered',
      'delivered',
    ]);
  });

  it('fails a number ending 0000 with recipient_not_on_network after 1 s, for good', async () => {
    const { api, sessionId } = start();
    const { body: sent } = await api.post('/v1/messages', textMessage(sessionId, '+447700900000'));
    expect(sent.status).toBe('queued');
    expect(await statusesOver(api, sent.id, [0.5, 1, 10, 60])).toEqual([
      'queued',
      'failed',
      'failed',
      'failed',
    ]);
    const failed = (await api.get(`/v1/messages/${sent.id}`)).body;
    expect(failed.error).toEqual({ code: 'recipient_not_on_network', message: expect.any(String) });
    expect(failed.updated_at).toBe('2026-01-01T00:00:01.000Z');
  });

  it('fails a queued message with session_disconnected when its session logs out', async () => {
    const { api, sessionId } = start();
    const { body: queued } = await api.post('/v1/messages', textMessage(sessionId, '+447700900123'));
    await api.delete(`/v1/sessions/${sessionId}`);
    expect(await statusesOver(api, queued.id, [0, 20])).toEqual(['failed', 'failed']);
    expect((await api.get(`/v1/messages/${queued.id}`)).body.error.code).toBe('session_disconnected');
  });

  it('keeps the preview to 40 characters (code points) and marks the cut with …', async () => {
    const { api, sessionId } = start();
    const emoji = '😀'.repeat(45);
    const { body: long } = await api.post('/v1/messages', textMessage(sessionId, '+447700900123', emoji));
    expect(long.preview).toBe(`${'😀'.repeat(40)}…`);
    const exact = 'x'.repeat(40);
    const { body: fits } = await api.post('/v1/messages', textMessage(sessionId, '+447700900123', exact));
    expect(fits.preview).toBe(exact);
  });

  it('previews a media message by its caption, or by its type without one', async () => {
    const { api, sessionId } = start();
    const media = (caption?: string) => ({
      session_id: sessionId,
      to: '+447700900123',
      type: 'media',
      media: {
        url: 'https://cdn.example.com/a.jpg',
        mime_type: 'image/jpeg',
        ...(caption ? { caption } : {}),
      },
    });
    const captioned = await api.post('/v1/messages', media('Your table for two, tonight at eight o’clock'));
    expect(captioned.body).toMatchObject({
      type: 'media',
      preview: 'Your table for two, tonight at eight o’c…',
    });
    expect((await api.post('/v1/messages', media())).body.preview).toBe('[media image/jpeg]');
  });
});

describe('refusals', () => {
  it('answers 404 for an unknown session, naming session_id', async () => {
    const { api } = start();
    const answer = await api.post('/v1/messages', textMessage('ses_unknown', '+447700900123'));
    expect(answer.status).toBe(404);
    expect(answer.body.error).toMatchObject({
      code: 'resource_not_found',
      param: 'session_id',
      message: 'No such session: ses_unknown',
    });
  });

  it('answers 409 session_not_connected for a session still pairing, or disconnected', async () => {
    const { api, sessionId } = start();
    const { body: pairing } = await api.post('/v1/sessions');
    const answer = await api.post('/v1/messages', textMessage(pairing.id, '+447700900123'));
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({
      type: 'conflict_error',
      code: 'session_not_connected',
      param: 'session_id',
    });
    mock.sessions.disconnect(sessionId);
    const disconnected = await api.post('/v1/messages', textMessage(sessionId, '+447700900123'));
    expect(disconnected.body.error.code).toBe('session_not_connected');
  });

  it('answers 422 invalid_phone_number with param "to", and sends nothing', async () => {
    const { api, sessionId } = start();
    for (const to of ['07700900123', '+0447700900123', '+4477', 'tel:+447700900123']) {
      const answer = await api.post('/v1/messages', textMessage(sessionId, to));
      expect(answer.status).toBe(422);
      expect(answer.body.error).toMatchObject({
        type: 'invalid_request_error',
        code: 'invalid_phone_number',
        param: 'to',
      });
    }
    expect((await api.get('/v1/logs')).body.data).toEqual([]);
  });

  it('answers 422 for an empty text, naming text.body', async () => {
    const { api, sessionId } = start();
    const answer = await api.post('/v1/messages', textMessage(sessionId, '+447700900123', ''));
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({ code: 'parameter_invalid', param: 'text.body' });
  });

  it('answers 400 unknown_parameter for an unknown field, and sends nothing', async () => {
    const { api, sessionId } = start();
    const answer = await api.post('/v1/messages', {
      ...textMessage(sessionId, '+447700900123'),
      priority: 'high',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'unknown_parameter', param: 'priority' });
    expect((await api.get('/v1/logs')).body.data).toEqual([]);
  });

  it('answers 404 naming an unknown message', async () => {
    const { api } = start();
    const answer = await api.get('/v1/messages/msg_x');
    expect(answer.status).toBe(404);
    expect(answer.body.error.message).toBe('No such message: msg_x');
  });
});
