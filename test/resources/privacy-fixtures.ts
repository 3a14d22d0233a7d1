// What the tests of `aulm.privacy.requests` share: a client on a fake API, and the wire forms they answer.
import { resolveOptions } from '../../src/core/options.js';
import { Pipeline } from '../../src/core/pipeline.js';
import { PrivacyResource } from '../../src/resources/privacy.js';
import { FakeAPI, TEST_KEY, wirePrivacyRequest } from '../core/fake-api.js';

export const NUMBER = '+447700900123';
export const MASKED = '+44 ••••••0123';
export const PREVIEW = 'Your code is 4821';
export const SHA256 = 'a3f1'.repeat(16);
export const at = '2026-05-30T12:00:05.000Z';

/** A privacy resource on a fake API that answers what each test queues. */
export function setup(options: { validateResponses?: boolean } = {}) {
  const api = new FakeAPI();
  const pipeline = new Pipeline(resolveOptions({ apiKey: TEST_KEY, maxRetries: 0, ...options }), {
    transport: api.transport,
  });
  return { api, requests: new PrivacyResource(pipeline).requests };
}

/** An erasure request on the wire. */
export const erasure = (overrides: Record<string, unknown> = {}) => wirePrivacyRequest(overrides);
/** A completed erasure of a recipient, with its counts. */
export const completedErasure = () =>
  erasure({
    status: 'completed',
    completed_at: at,
    subject: { type: 'recipient', phone_number_sha256: SHA256 },
    result: { erased: { logs: 3, messages: 3, webhook_deliveries: 2 } },
  });
