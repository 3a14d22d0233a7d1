// Messages: send one safely (an idempotency key of your own, so sending again after a crash never sends
// twice), catch the errors a send can meet, and follow a message to delivery or failure.
// Run it with `npm run build && npx tsx --tsconfig examples/tsconfig.json examples/messages.ts`.
import { Aulm, ConflictError, UnprocessableEntityError } from 'aulm';
import { startAulmMock } from 'aulm/mock-server';

const mock = await startAulmMock({ seed: 1 });
const { apiKey, sessionId } = mock.quickstart(); // an account, a key and a connected session
const aulm = new Aulm({ apiKey });

try {
  // The key names the job (reminder 1042): the same call again replays the first answer.
  const reminder = {
    sessionId,
    to: '+447700900123',
    text: 'Reminder: your appointment is tomorrow at 10:30.',
    metadata: { appointment: '1042' },
  };
  const first = await aulm.messages.send(reminder, { idempotencyKey: 'reminder-1042' });
  const again = await aulm.messages.send(reminder, { idempotencyKey: 'reminder-1042' }).withResponse();
  console.log(`Sent ${first.id} to ${first.to}: ${first.status}, metadata ${JSON.stringify(first.metadata)}`);
  const replayed = again.response.headers.get('idempotent-replayed');
  console.log(`Sent again with the same key: ${again.data.id}, replayed: ${replayed}`);

  // A number that is not E.164 is refused before anything is sent.
  try {
    await aulm.messages.send({ sessionId, to: '07700 900123', text: 'Hello' });
  } catch (error) {
    if (!(error instanceof UnprocessableEntityError)) throw error;
    console.log(`\nRefused: ${error.code} on "${error.param}"`);
  }

  // A session that is not connected cannot send.
  const pairing = await aulm.sessions.create({ name: 'Not paired yet' });
  try {
    await aulm.messages.send({ sessionId: pairing.id, to: '+447700900123', text: 'Hello' });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    console.log(`Refused: ${error.status} ${error.code} (request ${error.requestId})`);
  }

  // Test numbers ending in 0000 are not on the network: the message is accepted, then fails.
  const doomed = await aulm.messages.send({ sessionId, to: '+33612340000', text: 'Are you there?' });
  const waiting = Promise.all([aulm.messages.waitFor(first.id), aulm.messages.waitFor(doomed.id)]);
  await mock.clock.advance('3s'); // the mock's clock stands still until moved: delivery takes 3 s
  console.log('\n3 seconds later:');
  for (const message of await waiting) {
    const why = message.error ? `: ${message.error.code} (${message.error.message})` : '';
    console.log(`  ${message.id} to ${message.to} is ${message.status}${why}`);
  }
} finally {
  await mock.close();
}
