// Privacy requests from one person the business messages: what do you hold about me (access), give me a
// copy (export, then download the archive), and delete it (erasure), each awaited with `waitFor`.
// Run it with `npm run build && npx tsx --tsconfig examples/tsconfig.json examples/privacy.ts`.
import { Aulm } from 'aulm';
import { startAulmMock } from 'aulm/mock-server';

const mock = await startAulmMock({ seed: 1 });
const { apiKey, sessionId } = mock.quickstart();
const aulm = new Aulm({ apiKey });
const person = '+447700900123';

try {
  for (const text of ['Your appointment is on Tuesday.', 'Your code is 4821', 'See you soon!']) {
    await aulm.messages.send({ sessionId, to: person, text });
  }
  await aulm.messages.send({ sessionId, to: '+14155550142', text: 'Someone else entirely.' });
  await mock.clock.advance('10s');

  const subject = { type: 'recipient', phoneNumber: person } as const;
  const access = await aulm.privacy.requests.create({ type: 'access', subject });
  const exported = await aulm.privacy.requests.create({ type: 'export', subject });
  console.log(`Filed ${access.id} (access) and ${exported.id} (export): ${exported.status}`);
  console.log(`  due by ${exported.dueAt.toISOString()}`);

  // The mock's clock stands still until moved: start waiting, then let the 5 s of processing pass.
  const waiting = Promise.all([
    aulm.privacy.requests.waitFor(access, { until: 'completed' }),
    aulm.privacy.requests.waitFor(exported, { until: 'completed' }),
  ]);
  await mock.clock.advance('5s');
  const [held, ready] = await waiting;
  console.log(`\nAccess ${held.status}: ${JSON.stringify(held.result?.counts)}`);
  console.log(`  categories: ${held.result?.categories.join(', ')}`);

  const archive = await aulm.privacy.requests.downloadExport(ready.id);
  console.log(`Export ${ready.status}: ${ready.result?.sizeBytes} bytes, ${archive.logs.length} logs`);
  for (const message of archive.messages) {
    console.log(`  ${message.id} to ${message.to}: ${message.preview}`); // masked, even here
  }
  const texts = archive.messages.map((message) => message.preview?.reveal()); // for the person only
  console.log(`  handed to the person: ${JSON.stringify(texts)}`);

  const erasure = await aulm.privacy.requests.create({ type: 'erasure', subject, note: 'Asked by email' });
  const erasing = aulm.privacy.requests.waitFor(erasure, { until: 'completed' });
  await mock.clock.advance('5s');
  const erased = await erasing;
  console.log(`\nErasure ${erased.id} ${erased.status}: erased ${JSON.stringify(erased.result?.erased)}`);
  if (erased.subject.type === 'recipient') {
    console.log(`  the request keeps only the number's SHA-256: ${erased.subject.phoneNumberSha256}`);
  }

  const theirs = await aulm.logs.list({ recipient: person });
  console.log(`Logs to the person now: ${theirs.data.length}`);
  for await (const log of aulm.logs.list()) {
    console.log(`  left: ${log.id} to ${log.recipient}, the person's: ${log.recipient.equals(person)}`);
  }
} finally {
  await mock.close();
}
