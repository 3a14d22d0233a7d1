// Webhook verification, one delivery at a time: a 1 KB `message.delivered` event signed per Standard
// Webhooks, checked by aulm's `verifyWebhook`, by `standardwebhooks` (svix's library), by stripe's
// `constructEvent` (stripe's own scheme, signed with its test helper), and by the raw floor: node:crypto
// HMAC-SHA256, base64, `timingSafeEqual` and `JSON.parse`. With `--baseline`, the other build's
// `verifyWebhook` takes its turn too. The figure has no target: it is kept for its rows.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { verifyWebhook } from 'aulm/webhooks';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { BASELINE_ROLE, baselineName, importFrom } from './lib/baseline.mjs';
import { interleaved, perSecond } from './lib/rounds.mjs';
import { eventBody } from './lib/wire.mjs';

const ROUNDS = 7;
const SECONDS = 0.5;

export async function measure(log, { baseline } = {}) {
  const body = eventBody(1024);
  const key = randomBytes(32);
  const secret = `whsec_${key.toString('base64')}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers = {
    'webhook-id': 'evt_bench0001',
    'webhook-timestamp': timestamp,
    'webhook-signature': new Webhook(secret).sign('evt_bench0001', new Date(Number(timestamp) * 1000), body),
  };
  const stripe = new Stripe('sk_test_bench');
  const stripeSecret = 'whsec_bench';
  const stripeHeader = stripe.webhooks.generateTestHeaderString({ payload: body, secret: stripeSecret });

  // The floor: what a receiver written by hand against node:crypto does, its key decoded once at start.
  function rawVerify() {
    const id = headers['webhook-id'];
    const sentAt = headers['webhook-timestamp'];
    if (Math.abs(Date.now() / 1000 - Number(sentAt)) > 300) throw new Error('timestamp');
    const expected = createHmac('sha256', key).update(`${id}.${sentAt}.${body}`).digest();
    const sent = Buffer.from(headers['webhook-signature'].slice(3), 'base64');
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) throw new Error('signature');
    return JSON.parse(body);
  }
  const standard = new Webhook(secret);
  const before = baseline ? (await importFrom(baseline.dir, './webhooks')).verifyWebhook : undefined;
  const contenders = [
    { name: 'aulm verifyWebhook', role: 'subject', verify: () => verifyWebhook(body, headers, { secret }) },
    ...(before
      ? [
          {
            name: baselineName('aulm verifyWebhook'),
            role: BASELINE_ROLE,
            verify: () => before(body, headers, { secret }),
          },
        ]
      : []),
    { name: 'standardwebhooks Webhook.verify', role: 'peer', verify: () => standard.verify(body, headers) },
    {
      name: 'stripe webhooks.constructEvent',
      role: 'peer',
      verify: () => stripe.webhooks.constructEvent(body, stripeHeader, stripeSecret),
    },
    { name: 'raw node:crypto + JSON.parse', role: 'floor', verify: rawVerify },
  ];
  for (const { name, verify } of contenders) {
    const event = await verify();
    if (event.id !== 'evt_bench0001') throw new Error(`${name} did not return the event`);
  }

  const results = await interleaved(
    contenders,
    { count: ROUNDS },
    (contender) => perSecond(SECONDS, contender.verify),
    log,
  );
  return {
    id: 'verify',
    title: 'Webhook verification',
    how:
      `A ${Buffer.byteLength(body)}-byte \`message.delivered\` event, verified one at a time (an async verifier ` +
      'is awaited before the next call). aulm and standardwebhooks check the same Standard Webhooks delivery ' +
      '(headers as a plain object, body as a string, secret given as `whsec_…`) and return the event; aulm ' +
      "also decodes it into the typed model. stripe's `constructEvent` checks its own `stripe-signature` " +
      'scheme over the same body. The floor decodes its key once, then per call: the timestamp check, ' +
      'HMAC-SHA256, base64, `timingSafeEqual` and `JSON.parse`.',
    unit: 'ops/s',
    better: 'higher',
    rounds: `median of ${ROUNDS} rounds of ${SECONDS} s each, after a warm-up round`,
    rows: contenders.map(({ name, role }) => ({ name, role, ...results.get(name) })),
    targets: [],
    notes: [
      'No target: the goals of 2 × standardwebhooks and 0.6 × the floor are withdrawn; the figure keeps its rows.',
    ],
  };
}
