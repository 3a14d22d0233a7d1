// The exactly-once scenario, shared by the in-process and the standalone runs: many sends through a
// faulty network and a busy service, each retried by the SDK and, past its retries, by the caller with
// the same Idempotency-Key, until every one has landed. Afterwards the server holds each message once.
import { type Aulm, AulmError } from 'aulm';
import type { FaultRule } from 'aulm/mock-server';
import { expect } from 'vitest';

/** About 30% of sends meet one of these: 1 − 0.93⁵. */
export const FAULTS: FaultRule[] = [
  { method: 'POST', path: '/v1/messages', network: 'reset', probability: 0.07 },
  { method: 'POST', path: '/v1/messages', network: 'lost_response', probability: 0.07 },
  { method: 'POST', path: '/v1/messages', status: 503, probability: 0.07 },
  { method: 'POST', path: '/v1/messages', status: 429, retryAfter: 0, probability: 0.07 },
  { method: 'POST', path: '/v1/messages', delay: 400, probability: 0.07 }, // past the client's timeout
];

/** The SDK options of the scenario: an attempt times out before a delayed answer comes. */
export const CLIENT_OPTIONS = { timeout: 250, maxRetries: 3 } as const;

// What a call may meet after the SDK's own retries: each a typed error, none a sign of a lost message.
const RETRYABLE = new Set([
  'APIConnectionError',
  'APIConnectionTimeoutError',
  'InternalServerError',
  'RateLimitError',
  'ConflictError',
]);

export interface Outcome {
  /** The message ids the sends resolved with, by the number of the send. */
  ids: string[];
  /** How many calls rejected (and were then sent again by the caller), by error name. */
  rejections: Record<string, number>;
}

/** Sends `count` messages, `concurrency` at a time; each send is repeated with its key until it lands. */
export async function sendExactlyOnce(aulm: Aulm, sessionId: string, count: number, concurrency = 100) {
  const outcome: Outcome = { ids: [], rejections: {} };
  const send = async (index: number): Promise<void> => {
    for (let round = 1; ; round++) {
      try {
        const message = await aulm.messages.send(
          { sessionId, to: `+4477009${String(index).padStart(5, '0')}`, text: `Message ${index}` },
          { idempotencyKey: `exactly-once-${index}` },
        );
        outcome.ids[index] = message.id;
        return;
      } catch (error) {
        expect(error).toBeInstanceOf(AulmError);
        const name = (error as Error).name;
        expect(RETRYABLE, `a send rejected with ${name}: ${(error as Error).message}`).toContain(name);
        if (name === 'ConflictError')
          expect(error).toMatchObject({ code: 'idempotency_request_in_progress' });
        outcome.rejections[name] = (outcome.rejections[name] ?? 0) + 1;
        if (round === 20) throw error;
      }
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < count) await send(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcome;
}

/** Reads every message log back (with the faults gone) and checks each send landed exactly once. */
export async function expectEachOnce(aulm: Aulm, outcome: Outcome, count: number): Promise<void> {
  const previews: string[] = [];
  const ids: string[] = [];
  for await (const log of aulm.logs.list({ limit: 100 })) {
    ids.push(log.id);
    previews.push(log.preview?.reveal() ?? '');
  }
  expect(ids).toHaveLength(count);
  expect(new Set(previews).size).toBe(count);
  expect(new Set(outcome.ids).size).toBe(count);
  expect([...ids].sort()).toEqual([...outcome.ids].sort());
}
