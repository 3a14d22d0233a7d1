// What the fixture servers answer and the benchmarks send: wire JSON in the exact shape of
// src/contract (snake_case, ISO timestamps, prefixed ids), so that aulm's response validation passes.
export const API_KEY = 'aulm_test_0123456789abcdefghijABCDEFGHIJ01';
export const SESSION_ID = 'ses_bench0001';
const AT = '2026-05-30T12:00:00.000Z';

/** The parameters of `aulm.messages.send`, and the same body as the wire carries it. */
export const sendParams = { sessionId: SESSION_ID, to: '+447700900123', text: 'Your code is 4821' };
export const sendWire = {
  session_id: SESSION_ID,
  to: '+447700900123',
  type: 'text',
  text: { body: 'Your code is 4821' },
};

/** A `Message` as `POST /v1/messages` answers it (202, status `queued`). */
export function messageWire(id = 'msg_bench0001') {
  return {
    id,
    object: 'message',
    session_id: SESSION_ID,
    to: '+447700900123',
    type: 'text',
    status: 'queued',
    preview: 'Your code is 4821',
    error: null,
    metadata: { order: 'A-1042' },
    created_at: AT,
    updated_at: AT,
  };
}

/** The headers every fixture answer carries, as the API's would. */
export const apiHeaders = {
  'content-type': 'application/json',
  'aulm-request-id': 'req_bench0001',
  'aulm-region': 'eu',
  'ratelimit-limit': '10000',
  'ratelimit-remaining': '9999',
  'ratelimit-reset': '1',
};

/** Page `page` (from 0) of `pages` pages of `perPage` message logs, as `GET /v1/logs` answers it. */
export function logPageWire(page, pages, perPage) {
  const data = [];
  for (let index = 0; index < perPage; index++) {
    const n = page * perPage + index;
    data.push({
      id: `msg_${String(n).padStart(8, '0')}`,
      object: 'message_log',
      session_id: SESSION_ID,
      recipient: `+4477009${String(n % 100_000).padStart(5, '0')}`,
      status: n % 7 === 0 ? 'failed' : 'delivered',
      preview: `Your code is ${String(n % 10_000).padStart(4, '0')}`,
      error:
        n % 7 === 0
          ? { code: 'recipient_not_on_network', message: 'The number is not on the network.' }
          : null,
      timestamp: AT,
      created_at: AT,
    });
  }
  const hasMore = page + 1 < pages;
  return { object: 'list', data, has_more: hasMore, next_cursor: hasMore ? `cur_${page + 1}` : null };
}

/** A `message.delivered` event body of `size` bytes (metadata values, of at most 500 characters, pad it). */
export function eventBody(size = 1024) {
  const metadata = { note: '', more: '' };
  const event = {
    id: 'evt_bench0001',
    type: 'message.delivered',
    timestamp: AT,
    data: { ...messageWire(), status: 'delivered', metadata },
  };
  const missing = size - JSON.stringify(event).length;
  metadata.note = 'x'.repeat(Math.min(500, missing));
  metadata.more = 'y'.repeat(missing - metadata.note.length);
  return JSON.stringify(event);
}
