// What the tests of the request pipeline share: calls to make, and a pipeline on a fake API whose sleeps
// are recorded instead of waited.
import { Account, Message, SendMessageParams } from '../../src/contract/index.js';
import { type ClientOptions, resolveOptions } from '../../src/core/options.js';
import { type Call, Pipeline } from '../../src/core/pipeline.js';
import { RetryPolicy } from '../../src/core/retry-policy.js';
import type { Transport } from '../../src/transport/transport.js';
import { FakeAPI, TEST_KEY } from './fake-api.js';

/** `GET /v1/account`. */
export const getAccount: Call<Account> = { method: 'GET', path: '/v1/account', result: Account };
/** `POST /v1/messages`, a text. */
export const sendMessage: Call<Message> = {
  method: 'POST',
  path: '/v1/messages',
  params: { sessionId: 'ses_1', to: '+447700900123', text: 'Your code is 4821' },
  paramsSchema: SendMessageParams,
  result: Message,
};

/** A pipeline on a fake API; `slept` records each backoff instead of waiting it. */
export function setup(options: ClientOptions = {}, transport?: Transport) {
  const api = new FakeAPI();
  const slept: number[] = [];
  const pipeline = new Pipeline(resolveOptions({ apiKey: TEST_KEY, ...options }), {
    transport: transport ?? api.transport,
    retryPolicy: new RetryPolicy({ random: () => 0 }),
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      slept.push(ms);
    },
  });
  return { api, pipeline, slept };
}
