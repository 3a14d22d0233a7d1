// An application that uses zod itself sets a locale for every copy of zod in the process (classic zod sets
// English as soon as it makes a schema), and zod's messages follow it. The SDK's errors do not: it checks
// with messages of its own (`CHECK_OPTIONS`), so they read the same with or without the application's zod.
// A file of its own: the locale is global, and stays set for the rest of the file.
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { Aulm } from '../../src/client.js';
import { ResponseValidationError, UnprocessableEntityError } from '../../src/core/errors.js';
import { FakeAPI, ok, TEST_KEY, wireEndpoint } from './fake-api.js';

function client() {
  const api = new FakeAPI();
  return { api, aulm: new Aulm({ apiKey: TEST_KEY, fetch: api.fetch, maxRetries: 0 }) };
}

describe('the SDK under an application that set a zod locale', () => {
  beforeAll(() => {
    z.config(z.locales.en());
  });

  it('refuses a metadata key of 41 characters with its own message, and sends nothing', async () => {
    const { api, aulm } = client();
    const key = 'k'.repeat(41);
    const sent = aulm.messages.send({
      sessionId: 'ses_1',
      to: '+447700900123',
      text: 'Hi',
      metadata: { [key]: 'v' },
    });
    const error = await sent.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as Error).message).toBe(
      `422 parameter_invalid: Invalid metadata.${key}: a key must be 1 to 40 characters, each a letter, a digit, _, - or a dot.`,
    );
    expect(api.requests).toEqual([]);
  });

  it('says what a pattern of the contract wants, in its own words', async () => {
    const { aulm } = client();
    const media = { url: 'https://example.com/a.jpg', mimeType: 'jpeg' };
    const error = await aulm.messages
      .send({ sessionId: 'ses_1', to: '+447700900123', media })
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(
      '422 parameter_invalid: Invalid media.mime_type: must be a MIME type like image/jpeg.',
    );
  });

  it('names what a response got wrong in its own words', async () => {
    const { api, aulm } = client();
    api.reply(ok(wireEndpoint({ secret: '' })));
    const error = await aulm.webhooks.endpoints.get('whe_1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toBe(
      'Unexpected response to GET /v1/webhook_endpoints/whe_1: at secret, expected whsec_ followed by base64.',
    );
  });
});
