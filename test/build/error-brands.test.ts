// `instanceof` on the SDK's errors across copies of their classes, as users meet them: `aulm` and
// `aulm/webhooks` are separate bundles, each in ESM and CommonJS. An error from any copy is an instance of
// its class and its parents from every other copy, and of no other class.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function run(script: string): Promise<unknown> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', script], {
    cwd: root,
  });
  return JSON.parse(stdout);
}

// Loads four copies of the errors: aulm and aulm/webhooks, each by import and by require.
const copies = `
  import { createRequire } from 'node:module';
  const require = createRequire(import.meta.url);
  const copies = {
    'aulm (ESM)': await import('aulm'),
    'aulm (CJS)': require('aulm'),
    'aulm/webhooks (ESM)': await import('aulm/webhooks'),
    'aulm/webhooks (CJS)': require('aulm/webhooks'),
  };
  const matrix = (error, className) =>
    Object.fromEntries(Object.entries(copies).map(([name, copy]) => [name, error instanceof copy[className]]));
`;

describe('instanceof across the built bundles', () => {
  beforeAll(() => {
    if (!existsSync(`${root}dist/webhooks/index.cjs`))
      throw new Error('dist/ is missing: run `npm run build`');
  });

  it('holds for a WebhookVerificationError from either entry point, against every copy', async () => {
    const result = await run(`${copies}
      const thrown = {};
      for (const [name, copy] of Object.entries(copies)) {
        const error = await copy.verifyWebhook('{}', {}, { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }).catch((e) => e);
        thrown[name] = { name: error.name, reason: error.reason, WebhookVerificationError: matrix(error, 'WebhookVerificationError'),
          AulmError: matrix(error, 'AulmError'), Error: error instanceof Error };
      }
      console.log(JSON.stringify(thrown));`);
    const everywhere = {
      'aulm (ESM)': true,
      'aulm (CJS)': true,
      'aulm/webhooks (ESM)': true,
      'aulm/webhooks (CJS)': true,
    };
    const expected = {
      name: 'WebhookVerificationError',
      reason: 'missing_header',
      WebhookVerificationError: everywhere,
      AulmError: everywhere,
      Error: true,
    };
    expect(result).toEqual({
      'aulm (ESM)': expected,
      'aulm (CJS)': expected,
      'aulm/webhooks (ESM)': expected,
      'aulm/webhooks (CJS)': expected,
    });
  });

  it('stays exact: an error is an instance of its own chain only, in every copy', async () => {
    const result = await run(`${copies}
      const esm = copies['aulm (ESM)'], cjs = copies['aulm (CJS)'];
      const fields = { status: 404, type: 'not_found_error', code: 'resource_not_found', message: 'No such message.', param: null, requestId: null, headers: new Headers() };
      const notFound = new esm.NotFoundError(fields);
      const hook = new cjs.WebhookVerificationError('invalid_secret', 'x');
      console.log(JSON.stringify({
        notFound: { name: notFound.name, NotFoundError: notFound instanceof cjs.NotFoundError, APIError: notFound instanceof cjs.APIError,
          AulmError: notFound instanceof copies['aulm/webhooks (CJS)'].AulmError, ConflictError: notFound instanceof cjs.ConflictError,
          WebhookVerificationError: matrix(notFound, 'WebhookVerificationError') },
        webhook: { APIError: hook instanceof esm.APIError, NotFoundError: hook instanceof esm.NotFoundError },
        plain: { AulmError: new Error('x') instanceof esm.AulmError, object: ({ name: 'AulmError' }) instanceof esm.AulmError, nullish: null instanceof esm.AulmError },
      }));`);
    expect(result).toEqual({
      notFound: {
        name: 'NotFoundError',
        NotFoundError: true,
        APIError: true,
        AulmError: true,
        ConflictError: false,
        WebhookVerificationError: {
          'aulm (ESM)': false,
          'aulm (CJS)': false,
          'aulm/webhooks (ESM)': false,
          'aulm/webhooks (CJS)': false,
        },
      },
      webhook: { APIError: false, NotFoundError: false },
      plain: { AulmError: false, object: false, nullish: false },
    });
  });

  it('holds for the masked values of an event: a PhoneNumber from aulm/webhooks is one for aulm too', async () => {
    const result = await run(`${copies}
      const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
      const data = { id: 'msg_1', object: 'message', session_id: 'ses_1', to: '+447700900123', type: 'text', status: 'sent',
        preview: 'Hi', error: null, metadata: {}, created_at: '2026-11-01T10:00:00Z', updated_at: '2026-11-01T10:00:00Z' };
      const body = JSON.stringify({ id: 'evt_1', type: 'message.sent', timestamp: new Date().toISOString(), data });
      const hooks = copies['aulm/webhooks (CJS)'];
      const event = await hooks.verifyWebhook(body, await hooks.signWebhook(body, { secret }), { secret });
      const esm = copies['aulm (ESM)'];
      console.log(JSON.stringify({
        PhoneNumber: matrix(event.data.to, 'PhoneNumber'), Redacted: matrix(event.data.preview, 'Redacted'),
        MaskedValue: matrix(event.data.to, 'MaskedValue'), notRedacted: event.data.to instanceof esm.Redacted,
        equals: new esm.PhoneNumber('+447700900123').equals(event.data.to),
      }));`);
    const everywhere = {
      'aulm (ESM)': true,
      'aulm (CJS)': true,
      'aulm/webhooks (ESM)': true,
      'aulm/webhooks (CJS)': true,
    };
    expect(result).toEqual({
      PhoneNumber: everywhere,
      Redacted: everywhere,
      MaskedValue: everywhere,
      notRedacted: false,
      equals: true,
    });
  });
});
