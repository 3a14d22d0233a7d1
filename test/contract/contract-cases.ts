// The values the contract's schemas are held to where the Node build runs them compiled
// (test/contract/compiled.test.ts): a valid value for every response and every parameter object, and every
// value one change away from each.
import { expect } from 'vitest';
import type * as z from 'zod/mini';
import * as contract from '../../src/contract/index.js';
import {
  wireAccount,
  wireApiKey,
  wireDelivery,
  wireEndpoint,
  wireList,
  wireLog,
  wireMessage,
  wirePrivacyExport,
  wirePrivacyRequest,
  wireSession,
  wireTicket,
} from '../core/fake-api.js';

/** A label, a schema of the contract, and a value for it. */
export type Case = [label: string, schema: z.ZodMiniType, value: unknown];

const at = '2026-05-30T12:00:00.000Z';
const failure = { code: 'recipient_not_on_network', message: 'The number is not on the network.' };

// Its timestamps in the other forms the contract reads: an offset, and microseconds.
const endpoint = wireEndpoint({
  url: 'https://example.com/hooks',
  events: ['*'],
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  created_at: '2026-05-30T12:00:00+02:00',
  updated_at: '2026-05-30T12:00:00.123456Z',
});

/** A valid wire value of every response model. */
export const responses: Case[] = [
  ['a message', contract.Message, wireMessage()],
  ['a failed media message', contract.Message, wireMessage({ type: 'media', preview: null, error: failure })],
  ['a log', contract.MessageLog, wireLog()],
  [
    'a page of logs',
    contract.MessageLogList,
    wireList([wireLog('msg_2', { error: failure }), wireLog()], 'c'),
  ],
  ['an empty page', contract.MessageLogList, wireList([])],
  ['a pairing session', contract.Session, wireSession()],
  [
    'a connected session',
    contract.Session,
    wireSession({
      status: 'connected',
      pairing_code: undefined,
      pairing_expires_at: undefined,
      phone_number: '+447700900123',
      device: { platform: 'Android', browser: 'Chrome' },
      country: 'GB',
      connected_at: at,
      last_seen_at: at,
    }),
  ],
  ['an account', contract.Account, wireAccount()],
  ['a privacy request', contract.PrivacyRequest, wirePrivacyRequest()],
  ['an API key', contract.ApiKey, wireApiKey()],
  ['a ticket', contract.SupportTicket, wireTicket()],
  ['a delivery', contract.WebhookDelivery, wireDelivery()],
  ['a privacy export', contract.PrivacyExport, wirePrivacyExport()],
  ['an endpoint with its secret', contract.WebhookEndpoint, endpoint],
  ['a page of API keys', contract.ApiKeyList, wireList([wireApiKey()], 'c')],
  ['a page of privacy requests', contract.PrivacyRequestList, wireList([wirePrivacyRequest()])],
  ['a page of sessions', contract.SessionList, wireList([wireSession()])],
  ['a page of tickets', contract.SupportTicketList, wireList([wireTicket()])],
  ['a page of endpoints', contract.WebhookEndpointList, wireList([{ ...endpoint, secret: undefined }])],
  ['a page of deliveries', contract.WebhookDeliveryList, wireList([wireDelivery()])],
  [
    'an event envelope',
    contract.EventEnvelope,
    { id: 'evt_1', type: 'message.sent', timestamp: at, data: wireMessage() },
  ],
];

/** A valid value of every parameter object. */
export const params: Case[] = [
  ['a text', contract.SendMessageParams, { sessionId: 'ses_1', to: '+447700900123', text: 'Hi' }],
  [
    'a media message with metadata',
    contract.SendMessageParams,
    {
      sessionId: 'ses_1',
      to: '+447700900123',
      media: { url: 'https://example.com/a.jpg', mimeType: 'image/jpeg', caption: 'A' },
      metadata: { order: '42' },
    },
  ],
  [
    'every log filter',
    contract.ListLogsParams,
    {
      limit: 100,
      cursor: 'c',
      status: 'failed',
      sessionId: 'ses_1',
      recipient: '+447700900123',
      since: new Date(at),
      until: '2026-11-01',
    },
  ],
  ['no log filter', contract.ListLogsParams, {}],
  ['a session', contract.CreateSessionParams, { name: 'Front desk' }],
  ['an account change', contract.UpdateAccountParams, { email: 'ops@acme.test' }],
  ['an API key', contract.CreateApiKeyParams, { name: 'CI', scopes: ['logs:read'] }],
  [
    'an endpoint',
    contract.CreateWebhookEndpointParams,
    { url: 'https://example.com/hooks', events: ['message.delivered'] },
  ],
  ['an endpoint change', contract.UpdateWebhookEndpointParams, { description: null, status: 'disabled' }],
  [
    'an erasure',
    contract.CreatePrivacyRequestParams,
    { type: 'erasure', subject: { type: 'recipient', phoneNumber: '+447700900123' }, note: 'Asked by mail' },
  ],
  ['an account as the subject', contract.PrivacySubjectParams, { type: 'account' }],
  ['a rating', contract.RateTicketParams, { score: 5, comment: 'Quick' }],
  ['a delivery filter', contract.ListWebhookDeliveriesParams, { endpointId: 'whe_1', eventType: 'x' }],
  ['an API key filter', contract.ListApiKeysParams, { limit: 10 }],
  ['an extension', contract.ExtendPrivacyRequestParams, { reason: 'The export is large.' }],
  ['a privacy request filter', contract.ListPrivacyRequestsParams, { type: 'erasure', status: 'completed' }],
  ['a session filter', contract.ListSessionsParams, { limit: 5, status: 'connected' }],
  ['a ticket', contract.CreateTicketParams, { subject: 'Help', body: 'It broke.', priority: 'high' }],
  ['a reply', contract.ReplyTicketParams, { body: 'Thanks!' }],
  ['a ticket filter', contract.ListTicketsParams, { status: 'open', cursor: 'c' }],
  ['an endpoint filter', contract.ListWebhookEndpointsParams, { limit: 5 }],
];

/** A model as its values: masked values and dates named, plain objects as their entries in order. */
export function shown(value: unknown): unknown {
  if (value instanceof contract.MaskedValue) return { [value.constructor.name]: value.reveal() };
  if (value instanceof Date) return { Date: value.getTime() };
  if (Array.isArray(value)) return value.map(shown);
  if (value === null || typeof value !== 'object') return value;
  expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  return Object.entries(value).map(([key, field]) => [key, shown(field)]);
}

const REPLACEMENTS = [null, 0, 1.5, '', 'x', true, {}, [], at, '+447700900123', -1, 'ses_1'];

/**
 * Every value one change away from `value`: each property, one level down too, removed or replaced,
 * and an unknown property added.
 */
export function* mutations(value: unknown, depth = 0): Generator<unknown> {
  if (value === null || typeof value !== 'object' || value instanceof Date) return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const { [key]: _, ...without } = record;
    yield Array.isArray(value) ? value.filter((__, index) => String(index) !== key) : without;
    for (const replacement of REPLACEMENTS) yield copy(value, key, replacement);
    if (depth === 0) for (const inner of mutations(record[key], 1)) yield copy(value, key, inner);
  }
  if (!Array.isArray(value)) yield { ...record, unknown_field: 1 };
}

function copy(value: object, key: string, replacement: unknown): unknown {
  if (Array.isArray(value)) return value.map((item, index) => (String(index) === key ? replacement : item));
  return { ...value, [key]: replacement };
}
