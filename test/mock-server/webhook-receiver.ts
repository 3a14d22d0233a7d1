// A webhook receiver inside the test, for the mock's `webhooks.deliver`: it records every attempt as it
// arrived and answers what the test scripted for its URL (a status, or an error to reject with).

import type { AulmMock } from '../../mock-server/index.js';
import { verifyWebhook } from '../../src/webhooks/index.js';
import type { Wire } from './client.js';

/** One attempt, as the receiver got it. */
export interface Received {
  url: string;
  headers: Headers;
  /** The raw body. */
  body: string;
  /** The body, parsed. */
  event: Wire;
  /** The mock's time when it arrived. */
  at: Date;
}

/** What the receiver does with one attempt: answer a status, or reject (a network error, a timeout). */
export type Answer = number | Error;

/** A receiver that records every attempt and answers from a script per URL (204 past the script). */
export class Receiver {
  readonly received: Received[] = [];
  readonly #script = new Map<string, Answer[]>();
  #mock: AulmMock | undefined;

  /** The mock whose clock stamps each arrival. */
  attach(mock: AulmMock): void {
    this.#mock = mock;
  }

  /** The `webhooks.deliver` function. */
  readonly deliver = async (request: Request): Promise<Response> => {
    const body = await request.text();
    this.received.push({
      url: request.url,
      headers: request.headers,
      body,
      event: JSON.parse(body),
      at: this.#mock?.clock.now() ?? new Date(Number.NaN),
    });
    const answer = this.#script.get(request.url)?.shift() ?? 204;
    if (answer instanceof Error) throw answer;
    return new Response(null, { status: answer });
  };

  /** Makes the next attempts to `url` get these answers, in order. */
  answer(url: string, ...answers: Answer[]): void {
    this.#script.set(url, [...(this.#script.get(url) ?? []), ...answers]);
  }

  /** The attempts that reached `url`. */
  at(url: string): Received[] {
    return this.received.filter((attempt) => attempt.url === url);
  }

  /** The event types that reached `url`, in order. */
  typesAt(url: string): string[] {
    return this.at(url).map((attempt) => attempt.event.type);
  }

  /** Forgets every attempt and every scripted answer. */
  clear(): void {
    this.received.length = 0;
    this.#script.clear();
  }
}

/** Verifies an attempt with the SDK, at the mock's time of its arrival, and returns its event. */
export function verifyAttempt(attempt: Received, secret: string | string[]) {
  return verifyWebhook(attempt.body, attempt.headers, { secret, now: attempt.at });
}
