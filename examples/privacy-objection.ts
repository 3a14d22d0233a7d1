// Privacy requests that stop processing: one person objects (sends are refused and their previews
// erased), another asks for a restriction (sends are refused and their logs frozen, out of the lists),
// and both are lifted later, when they agree again.
// Run it with `npm run build && npx tsx --tsconfig examples/tsconfig.json examples/privacy-objection.ts`.
import { Aulm, PermissionDeniedError } from 'aulm';
import { startAulmMock } from 'aulm/mock-server';

const mock = await startAulmMock({ seed: 1 });
const { apiKey, sessionId } = mock.quickstart();
const aulm = new Aulm({ apiKey });
const ana = '+447700900123'; // objects
const ben = '+447700900124'; // asks for a restriction

async function offer(name: string, to: string): Promise<void> {
  try {
    const message = await aulm.messages.send({ sessionId, to, text: 'Our spring offers are here!' });
    console.log(`  offer to ${name}: ${message.status}`);
  } catch (error) {
    if (!(error instanceof PermissionDeniedError)) throw error;
    console.log(`  offer to ${name}: refused, ${error.status} ${error.code}`);
  }
}

try {
  const toAna = await aulm.messages.send({ sessionId, to: ana, text: 'Your code is 4821' });
  const toBen = await aulm.messages.send({ sessionId, to: ben, text: 'Your code is 1234' });

  const objection = await aulm.privacy.requests.create({
    type: 'objection',
    subject: { type: 'recipient', phoneNumber: ana },
  });
  const restriction = await aulm.privacy.requests.create({
    type: 'restriction',
    subject: { type: 'recipient', phoneNumber: ben },
    note: 'Disputes the accuracy of our records',
  });
  // The mock's clock stands still until moved: start waiting, then let the 5 s of processing pass.
  const waiting = Promise.all([
    aulm.privacy.requests.waitFor(objection, { until: 'completed' }),
    aulm.privacy.requests.waitFor(restriction, { until: 'completed' }),
  ]);
  await mock.clock.advance('5s');
  const [objected, restricted] = await waiting;
  console.log(`Objection ${objected.status} since ${objected.result?.objectedSince.toISOString()}`);
  console.log(`Restriction ${restricted.status} since ${restricted.result?.restrictedSince.toISOString()}`);

  await offer('Ana', ana);
  await offer('Ben', ben);
  console.log(`  Ana's earlier preview: ${(await aulm.logs.get(toAna.id)).preview}`);
  const listed = (await aulm.logs.list()).data.map((log) => log.id);
  const frozen = await aulm.logs.get(toBen.id);
  console.log(`  Ben's log is listed: ${listed.includes(toBen.id)}; by id it is still ${frozen.status}`);

  console.log('\nBoth agree again:');
  for (const request of [objected, restricted]) {
    const lifted = await aulm.privacy.requests.lift(request.id);
    console.log(`  ${lifted.type} ${lifted.id}: ${lifted.status}`);
  }
  await offer('Ana', ana);
  await offer('Ben', ben);
} finally {
  await mock.close();
}
