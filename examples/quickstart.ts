// Quickstart: the SDK against the embedded reference server. Run it with `npm run demo`.
// It pairs a session, sends three messages (one to a test number that fails), lets time pass on the
// mock's clock, and lists the logs: statuses as they ended, previews and numbers redacted.
import { Aulm } from 'aulm';
import { startAulmMock } from 'aulm/mock-server';

const mock = await startAulmMock({ seed: 1 });
const { apiKey } = mock.accounts.create({ region: 'eu', name: 'Acme Dental', email: 'ops@acme.example' });
const aulm = new Aulm({ apiKey });

try {
  // Pair a session: the API gives a code, the phone enters it (here the mock plays the phone).
  const pairing = await aulm.sessions.create({ name: 'Front desk' });
  console.log(`Session ${pairing.id} is ${pairing.status}; enter code ${pairing.pairingCode} on the phone.`);
  mock.sessions.connect(pairing.id, { phoneNumber: '+447700900555' });
  const session = await aulm.sessions.get(pairing.id);
  console.log(`Session ${session.id} is ${session.status} as ${session.phoneNumber}.\n`);

  const recipients = [
    { to: '+447700900123', text: 'Your appointment is confirmed for Tuesday at 10:30.' },
    { to: '+14155550142', text: 'Your code is 4821' },
    { to: '+33612340000', text: 'This number is not on the network.' }, // ends in 0000: fails
  ];
  for (const { to, text } of recipients) {
    const message = await aulm.messages.send({ sessionId: session.id, to, text });
    console.log(`Sent ${message.id} to ${message.to}: ${message.status}, preview ${message.preview}`);
  }

  await mock.clock.advance('15s');
  console.log('\n15 seconds later, the logs, newest first:');
  for await (const log of aulm.logs.list({ sessionId: session.id })) {
    const why = log.error ? ` (${log.error.code})` : '';
    console.log(`  ${log.id}  ${log.recipient}  ${log.status.padEnd(9)}${why}  ${log.preview}`);
  }

  const failed = await aulm.logs.list({ status: 'failed' });
  console.log(
    `\n${failed.data.length} failed. To see a preview on purpose: "${failed.data[0]?.preview?.reveal()}"`,
  );
} finally {
  await mock.close();
}
