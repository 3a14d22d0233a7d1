// The page of the real-browser test: bundled by browser.test.ts from the built package (`aulm`, `aulm/webhooks`
// and `aulm/mock-server` through their `browser` conditions), loaded in Chromium, where it starts the reference
// server on MSW's service worker and drives the SDK against it. `window.runAulmPage()` runs it all and
// answers a plain report, which the Node side checks value by value.
import { Aulm, AulmError } from 'aulm';
import { startAulmMock } from 'aulm/mock-server';
import { signWebhook, verifyWebhook, WebhookVerificationError } from 'aulm/webhooks';

/** What the page saw, in plain values. */
export interface PageReport {
  /** `typeof process` in the page: WebCrypto must sign and verify, with no Node crypto to fall back on. */
  processType: string;
  /** The script of the service worker controlling the page once the mock has started. */
  controller: string | null;
  /** `new Aulm({ apiKey })` without `dangerouslyAllowBrowser`. */
  refused: { name: string; isAulmError: boolean; message: string } | null;
  /** What a second `startAulmMock` says while the first is open. */
  secondStart: string;
  /** Each message as `send` answered it. */
  sent: { id: string; status: string }[];
  /** The mock's time after `advance('10s')`. */
  now: string;
  /** Every log, walked with `for await` over pages of two. */
  logs: {
    id: string;
    recipient: string;
    status: string;
    error: string | null;
    preview: string;
    revealed: string | null;
  }[];
  /** Every request the mock answered: method, path, status. */
  journal: string[];
  /** The hosts those requests went to. */
  hosts: string[];
  /** Each webhook delivery, verified with the endpoint's secret: its event's type and message id. */
  events: { type: string; messageId: string }[];
  /** A delivery with its body changed by one character. */
  tampered: string | null;
  /** A payload signed with `signWebhook`, checked against the right time, then a day later. */
  signed: { type: string; late: string | null };
  /** After `close()`, a new mock with the same seed: its key, a send through it, and its journal. */
  restarted: { sameKey: boolean; status: string; journal: string[] };
}

function reasonOf(error: unknown): string | null {
  return error instanceof WebhookVerificationError
    ? error.reason
    : `not a WebhookVerificationError: ${error}`;
}

async function runAulmPage(): Promise<PageReport> {
  const deliveries: { body: string; headers: Headers }[] = [];
  const mock = await startAulmMock({
    seed: 7,
    worker: { quiet: true },
    webhooks: {
      deliver: async (request) => {
        deliveries.push({ body: await request.text(), headers: request.headers });
        return new Response(null, { status: 204 });
      },
    },
  });
  const controller = navigator.serviceWorker.controller?.scriptURL ?? null;
  const secondStart = await startAulmMock().then(
    () => 'started',
    (error: Error) => error.message,
  );
  const { apiKey, sessionId } = mock.quickstart();

  let refused: PageReport['refused'] = null;
  try {
    new Aulm({ apiKey });
  } catch (error) {
    const { name, message } = error as Error;
    refused = { name, isAulmError: error instanceof AulmError, message };
  }

  const aulm = new Aulm({ apiKey, dangerouslyAllowBrowser: true, maxRetries: 0 });
  const endpoint = await aulm.webhooks.endpoints.create({
    url: 'https://hooks.example.test/aulm',
    events: ['message.delivered', 'message.failed'],
  });
  const secret = endpoint.secret!.reveal();

  const sent = [];
  for (const [to, text] of [
    ['+447700900123', 'Your code is 4821'],
    ['+447700900000', 'Not on the network'],
    ['+447700900001', 'Stops at sent'],
    ['+447700900002', 'Stops at delivered'],
    ['+14155550123', 'Your appointment is confirmed for Monday at 9:30, see you then'],
  ] as const) {
    const message = await aulm.messages.send({ sessionId, to, text });
    sent.push({ id: message.id, status: message.status });
  }
  await mock.clock.advance('10s');

  const logs: PageReport['logs'] = [];
  for await (const log of aulm.logs.list({ limit: 2 })) {
    logs.push({
      id: log.id,
      recipient: String(log.recipient),
      status: log.status,
      error: log.error?.code ?? null,
      preview: String(log.preview),
      revealed: log.preview?.reveal() ?? null,
    });
  }
  const journal = mock.journal.map((entry) => `${entry.method} ${entry.path} ${entry.status}`);

  const events = [];
  for (const { body, headers } of deliveries) {
    const event = await verifyWebhook(body, headers, { secret, now: mock.clock.now() });
    events.push({ type: event.type, messageId: (event.data as { id: string }).id });
  }
  const first = deliveries[0]!;
  const tampered = await verifyWebhook(first.body.replace('"message.', '"massage.'), first.headers, {
    secret,
    now: mock.clock.now(),
  }).then(() => null, reasonOf);

  const payload = { id: 'evt_browser', type: 'test.ping', timestamp: '2026-01-01T00:00:10.000Z', data: {} };
  const signedHeaders = await signWebhook(JSON.stringify(payload), { secret, timestamp: mock.clock.now() });
  const signedEvent = await verifyWebhook(JSON.stringify(payload), signedHeaders, {
    secret,
    now: mock.clock.now(),
  });
  const late = await verifyWebhook(JSON.stringify(payload), signedHeaders, {
    secret,
    now: new Date(mock.clock.now().getTime() + 86_400_000),
  }).then(() => null, reasonOf);

  const now = mock.clock.now().toISOString();
  const hosts = [...new Set(mock.journal.map((entry) => entry.host))];
  await mock.close();

  const again = await startAulmMock({ seed: 7, worker: { quiet: true }, webhooks: { deliver: 'off' } });
  const restartedKey = again.quickstart();
  const restartedClient = new Aulm({ apiKey: restartedKey.apiKey, dangerouslyAllowBrowser: true });
  const restartedSend = await restartedClient.messages.send({
    sessionId: restartedKey.sessionId,
    to: '+447700900123',
    text: 'Again',
  });
  const againJournal = again.journal.map((entry) => `${entry.method} ${entry.path} ${entry.status}`);
  await again.close();

  return {
    processType: typeof (globalThis as { process?: unknown }).process,
    controller,
    refused,
    secondStart,
    sent,
    now,
    logs,
    journal,
    hosts,
    events,
    tampered,
    signed: { type: signedEvent.type, late },
    restarted: {
      sameKey: restartedKey.apiKey === apiKey,
      status: restartedSend.status,
      journal: againJournal,
    },
  };
}

(window as unknown as { runAulmPage: typeof runAulmPage }).runAulmPage = runAulmPage;
