// Sessions, the connected senders: pair a phone with a code, see which sessions are connected, watch an
// unpaired one expire after five minutes, and log one out.
// Run it with `npm run build && npx tsx --tsconfig examples/tsconfig.json examples/sessions.ts`.
import { Aulm } from 'aulm';
import { startAulmMock } from 'aulm/mock-server';

const mock = await startAulmMock({ seed: 1 });
const { apiKey } = mock.accounts.create({ region: 'eu', name: 'Acme Dental' });
const aulm = new Aulm({ apiKey });

try {
  const frontDesk = await aulm.sessions.create({ name: 'Front desk' });
  console.log(`${frontDesk.name}: ${frontDesk.status}, code ${frontDesk.pairingCode}`);
  console.log(`  enter it on the phone before ${frontDesk.pairingExpiresAt?.toISOString()}`);
  const night = await aulm.sessions.create({ name: 'Night line' }); // nobody will pair this one

  // The phone's owner enters the code (the mock plays the phone).
  mock.sessions.connect(frontDesk.id, {
    phoneNumber: '+447700900555',
    device: { platform: 'android', browser: 'Chrome' },
  });
  const paired = await aulm.sessions.get(frontDesk.id);
  console.log(`${paired.name}: ${paired.status} as ${paired.phoneNumber} on ${paired.device?.platform}`);

  await mock.clock.advance('5m');
  console.log(`\nFive minutes later, ${night.name} is ${(await aulm.sessions.get(night.id)).status}.`);
  for await (const session of aulm.sessions.list()) {
    console.log(`  ${session.id}  ${session.name?.padEnd(10)}  ${session.status}`);
  }

  const loggedOut = await aulm.sessions.delete(frontDesk.id);
  console.log(`\nLogged out ${loggedOut.name}: ${loggedOut.status}`);
  const connected = await aulm.sessions.list({ status: 'connected' });
  console.log(`${connected.data.length} sessions connected`);
} finally {
  await mock.close();
}
