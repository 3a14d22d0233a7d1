// Webhook endpoints: register one, receive signed events and verify them, see a delivery fail while the
// receiver is down and retry it, rotate the signing secret without missing an event, then disable it.
// The mock hands each delivery to `receive` below, as your server would get it over HTTP.
// Run it with `npm run build && npx tsx --tsconfig examples/tsconfig.json examples/webhook-endpoints.ts`.
import { Aulm, WebhookVerificationError } from 'aulm';
import { startAulmMock } from 'aulm/mock-server';

const mock = await startAulmMock({ seed: 1, webhooks: { deliver: (request) => receive(request) } });
const { apiKey, sessionId } = mock.quickstart();
const aulm = new Aulm({ apiKey });
let secrets: string[] = []; // what the receiver verifies with: one secret, or two while rotating
let receiverUp = true;

try {
  const endpoint = await aulm.webhooks.endpoints.create({
    url: 'https://acme.example/aulm/webhooks',
    events: ['message.delivered', 'message.failed'],
    description: 'Delivery receipts',
  });
  secrets = [endpoint.secret!.reveal()]; // shown once: keep it in your secret store
  console.log(`Endpoint ${endpoint.id} for ${endpoint.events.join(', ')}, secret ${endpoint.secret}`);

  await aulm.messages.send({ sessionId, to: '+447700900123', text: 'Your order has shipped.' });
  await aulm.messages.send({ sessionId, to: '+33612340000', text: 'Your order has shipped.' });
  await mock.clock.advance('3s'); // delivered at 3 s; each event is delivered as it happens

  receiverUp = false;
  await aulm.messages.send({ sessionId, to: '+14155550142', text: 'Your order has shipped.' });
  await mock.clock.advance('3s');
  const [missed] = (await aulm.webhooks.deliveries.list({ status: 'pending' })).data;
  const attempt = missed!.attempts.at(-1);
  console.log(`${missed!.id} (${missed!.eventType}) got ${attempt?.responseStatus}`);
  console.log(`  next attempt at ${missed!.nextAttemptAt?.toISOString()}; the receiver is back, retry now:`);
  receiverUp = true;
  const retried = await aulm.webhooks.deliveries.retry(missed!.id);
  console.log(`${retried.id} ${retried.status} after ${retried.attempts.length} attempts`);

  const rotated = await aulm.webhooks.endpoints.rotateSecret(endpoint.id);
  secrets = [rotated.secret!.reveal(), ...secrets]; // for 24 h deliveries carry both signatures
  console.log(`\nRotated the secret to ${rotated.secret}`);
  await aulm.messages.send({ sessionId, to: '+447700900124', text: 'Your order has shipped.' });
  await mock.clock.advance('3s');

  const disabled = await aulm.webhooks.endpoints.update(endpoint.id, { status: 'disabled' });
  console.log(`Endpoint ${disabled.id} is ${disabled.status}`);
} finally {
  await mock.close();
}

async function receive(request: Request): Promise<Response> {
  if (!receiverUp) return new Response('Down for maintenance', { status: 503 });
  try {
    // Verify against the mock's clock: it starts in 2026, and signatures are dated by it.
    const event = await aulm.webhooks.verify(await request.text(), request.headers, {
      secret: secrets,
      now: mock.clock.now(),
    });
    if (!event.unknown && (event.type === 'message.delivered' || event.type === 'message.failed')) {
      console.log(`  received ${event.type} for ${event.data.id} to ${event.data.to}`);
    }
    return new Response(null, { status: 204 });
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    return new Response(error.reason, { status: 400 });
  }
}
