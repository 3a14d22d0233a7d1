// What the webhook tests share: the published Standard Webhooks vectors (copied from their specification,
// so the suite runs without shared/), a secret, events in their wire form, and a way to read a rejection.
import { expect } from 'vitest';
import type { WebhookVerificationReason } from '../../src/core/errors.js';
import { WebhookVerificationError } from '../../src/core/errors.js';
import published from './standard-webhooks-vectors.json' with { type: 'json' };

export interface Vector {
  secret: string;
  id: string;
  timestamp: number;
  payload: string;
  signature: string;
}

export const VECTORS: readonly Vector[] = published.vectors;

export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
export const OTHER_SECRET = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';

/** The headers of a vector, as a plain object. */
export function headersOf(vector: Vector): Record<string, string> {
  return {
    'webhook-id': vector.id,
    'webhook-timestamp': String(vector.timestamp),
    'webhook-signature': vector.signature,
  };
}

/** Awaits a promise that must reject with `WebhookVerificationError`, and returns the error. */
export async function rejection(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  return error as WebhookVerificationError;
}

/** Awaits a promise that must reject with `WebhookVerificationError`, and returns its reason. */
export async function reasonOf(promise: Promise<unknown>): Promise<WebhookVerificationReason> {
  return (await rejection(promise)).reason;
}

export const MESSAGE_WIRE = {
  id: 'msg_0123456789abcdefghijklmn',
  object: 'message',
  session_id: 'ses_0123456789abcdefghijklmn',
  to: '+447700900123',
  type: 'text',
  status: 'delivered',
  preview: 'Your code is 4821',
  error: null,
  metadata: { order: '1042' },
  created_at: '2026-11-01T10:00:00.000Z',
  updated_at: '2026-11-01T10:00:03.000Z',
};

export const SESSION_WIRE = {
  id: 'ses_0123456789abcdefghijklmn',
  object: 'session',
  name: 'Front desk',
  status: 'connected',
  pairing_code: null,
  pairing_expires_at: null,
  phone_number: '+447700900555',
  device: { platform: 'android', browser: 'chrome' },
  country: 'GB',
  region: 'eu',
  created_at: '2026-11-01T09:00:00.000Z',
  connected_at: '2026-11-01T09:01:00.000Z',
  last_seen_at: '2026-11-01T10:00:00.000Z',
};

/** An event body as the service sends it. */
export function eventBody(type: string, data: unknown, id = 'evt_0123456789abcdefghijklmn'): string {
  return JSON.stringify({ id, type, timestamp: '2026-11-01T10:00:03.000Z', data });
}
