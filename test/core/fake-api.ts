// A fake aulm API for unit tests: it records every request and answers from a queue of replies, as a
// transport (for the pipeline) or as a `fetch` (for the client). No network, no timers.
import type { Fetch, Transport, TransportRequest, TransportResponse } from '../../src/transport/transport.js';

export const TEST_KEY = 'aulm_test_0123456789abcdefghijklmnopqrstuv';

/** A request as the fake API saw it. */
export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

/** A reply: a status, a JSON body (or a raw string) and headers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Replier = Reply | ((request: SeenRequest) => Reply | Promise<Reply>);

export function ok(body: unknown, headers: Record<string, string> = {}): Reply {
  return { status: 200, body, headers: { 'aulm-request-id': 'req_ok', ...headers } };
}

export function apiError(
  status: number,
  code: string,
  headers: Record<string, string> = {},
  param: string | null = null,
): Reply {
  return {
    status,
    body: {
      error: {
        type: 'invalid_request_error',
        code,
        message: `Failed with ${code}.`,
        param,
        request_id: 'req_err',
      },
    },
    headers: { 'aulm-request-id': 'req_err', ...headers },
  };
}

export class FakeAPI {
  readonly requests: SeenRequest[] = [];
  readonly #replies: Replier[] = [];
  #fallback: Replier | undefined;

  /** Queues replies, answered in order. */
  reply(...replies: Replier[]): this {
    this.#replies.push(...replies);
    return this;
  }

  /** Answers every request past the queue with `reply`. */
  always(reply: Replier): this {
    this.#fallback = reply;
    return this;
  }

  readonly transport: Transport = {
    send: async (request: TransportRequest): Promise<TransportResponse> => {
      const reply = await this.#answer(
        request.method,
        request.url,
        new Headers(request.headers),
        request.body,
      );
      return { status: reply.status, headers: new Headers(reply.headers), body: bodyText(reply.body) };
    },
  };

  readonly fetch: Fetch = async (url, init) => {
    const body = typeof init.body === 'string' ? init.body : undefined;
    const reply = await this.#answer(init.method ?? 'GET', url, new Headers(init.headers), body);
    return new Response(bodyText(reply.body), { status: reply.status, headers: reply.headers });
  };

  async #answer(method: string, url: string, headers: Headers, body: string | undefined): Promise<Reply> {
    const seen = {
      method,
      url: new URL(url),
      headers,
      body: body === undefined ? undefined : JSON.parse(body),
    };
    this.requests.push(seen);
    const replier = this.#replies.shift() ?? this.#fallback;
    if (!replier) throw new Error(`FakeAPI: no reply queued for ${method} ${url}`);
    return typeof replier === 'function' ? replier(seen) : replier;
  }
}

function bodyText(body: unknown): string {
  return typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
}

const at = '2026-05-30T12:00:00.000Z';

export function wireMessage(overrides: Record<string, unknown> = {}) {
  return {
    id: 'msg_1',
    object: 'message',
    session_id: 'ses_1',
    to: '+447700900123',
    type: 'text',
    status: 'queued',
    preview: 'Your code is 4821',
    error: null,
    metadata: { order_id: 'o_1' },
    created_at: at,
    updated_at: at,
    ...overrides,
  };
}

export function wireLog(id = 'msg_1', overrides: Record<string, unknown> = {}) {
  return {
    id,
    object: 'message_log',
    session_id: 'ses_1',
    recipient: '+447700900123',
    status: 'delivered',
    preview: 'Your code is 4821',
    error: null,
    timestamp: at,
    created_at: at,
    ...overrides,
  };
}

export function wireSession(overrides: Record<string, unknown> = {}) {
  return {
    id: 'ses_1',
    object: 'session',
    name: 'Support',
    status: 'pairing',
    pairing_code: 'ABCD1234',
    pairing_expires_at: at,
    phone_number: null,
    device: null,
    country: null,
    region: 'eu',
    created_at: at,
    connected_at: null,
    last_seen_at: null,
    ...overrides,
  };
}

export function wireAccount(overrides: Record<string, unknown> = {}) {
  return {
    id: 'acct_1',
    object: 'account',
    name: 'Acme',
    email: 'ops@acme.test',
    country: 'GB',
    region: 'eu',
    created_at: at,
    ...overrides,
  };
}

export function wireList(data: unknown[], nextCursor: string | null = null) {
  return { object: 'list', data, has_more: nextCursor !== null, next_cursor: nextCursor };
}

export function wirePrivacyRequest(overrides: Record<string, unknown> = {}) {
  return {
    id: 'prq_1',
    object: 'privacy_request',
    type: 'erasure',
    subject: { type: 'recipient', phone_number: '+447700900123' },
    status: 'received',
    note: null,
    changes: null,
    due_at: '2026-06-30T12:00:00.000Z',
    extended: false,
    created_at: at,
    updated_at: at,
    completed_at: null,
    result: null,
    rejection_reason: null,
    ...overrides,
  };
}

export function wireApiKey(overrides: Record<string, unknown> = {}) {
  return {
    id: 'key_1',
    object: 'api_key',
    name: 'Nightly export',
    prefix: 'aulm_test_',
    scopes: ['logs:read'],
    created_at: at,
    last_used_at: null,
    ...overrides,
  };
}

export function wireTicket(overrides: Record<string, unknown> = {}) {
  return {
    id: 'tkt_1',
    object: 'support_ticket',
    subject: 'Session keeps disconnecting',
    status: 'open',
    priority: 'normal',
    csat: null,
    created_at: at,
    updated_at: at,
    ...overrides,
  };
}

export function wireEndpoint(overrides: Record<string, unknown> = {}) {
  return {
    id: 'whe_1',
    object: 'webhook_endpoint',
    url: 'https://hooks.acme.test/aulm',
    description: null,
    events: ['message.delivered'],
    status: 'enabled',
    created_at: at,
    updated_at: at,
    ...overrides,
  };
}

export function wireDelivery(overrides: Record<string, unknown> = {}) {
  return {
    id: 'whd_1',
    object: 'webhook_delivery',
    endpoint_id: 'whe_1',
    event_id: 'evt_1',
    event_type: 'message.delivered',
    status: 'succeeded',
    attempts: [{ at, response_status: 200, duration_ms: 42, error: null }],
    next_attempt_at: null,
    created_at: at,
    ...overrides,
  };
}

export function wirePrivacyExport(overrides: Record<string, unknown> = {}) {
  return {
    object: 'privacy_export',
    request_id: 'prq_1',
    subject: { type: 'recipient', phone_number: '+447700900123' },
    generated_at: at,
    account: null,
    logs: [wireLog()],
    messages: [wireMessage({ status: 'delivered' })],
    webhook_deliveries: [wireDelivery()],
    ...overrides,
  };
}
