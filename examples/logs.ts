// Message logs: three days of reminders, then the questions a business asks of them: what failed
// yesterday, how did every message of a day end (all pages walked with `for await`), and what happened to
// one message.
// Run it with `npm run build && npx tsx --tsconfig examples/tsconfig.json examples/logs.ts`.
import { Aulm } from 'aulm';
import { startAulmMock } from 'aulm/mock-server';

const mock = await startAulmMock({ seed: 1 }); // the mock's clock starts at 2026-01-01T00:00:00Z
const { apiKey, sessionId } = mock.quickstart();
const aulm = new Aulm({ apiKey });

// Test numbers: one ending in 0000 fails, one ending in 0001 stops at `sent`, the others are read.
const patients = ['+447700900123', '+447700900124', '+33612340000', '+14155550001', '+14155550142'];

try {
  for (const day of ['1 January', '2 January', '3 January']) {
    for (const [i, to] of [...patients, ...patients].entries()) {
      await aulm.messages.send({ sessionId, to, text: `Reminder ${i + 1} for ${day}` });
    }
    await mock.clock.advance('1d');
  }

  console.log('Failed on 2 January:');
  for await (const log of aulm.logs.list({ status: 'failed', since: '2026-01-02', until: '2026-01-03' })) {
    console.log(`  ${log.id}  ${log.recipient}  ${log.error?.code}  at ${log.createdAt.toISOString()}`);
  }

  // Three pages of four: `for await` fetches each page when the one before it has been read.
  const tally = new Map<string, number>();
  for await (const log of aulm.logs.list({ since: '2026-01-03', limit: 4 })) {
    tally.set(log.status, (tally.get(log.status) ?? 0) + 1);
  }
  console.log(`\n3 January, every page: ${[...tally].map(([status, n]) => `${n} ${status}`).join(', ')}`);

  const page = await aulm.logs.list({ limit: 4 });
  console.log(`The newest page holds ${page.data.length} logs; more after it: ${page.hasMore}`);

  const newest = page.data[0]!;
  const log = await aulm.logs.get(newest.id);
  console.log(`\n${log.id} to ${log.recipient}: ${log.status} at ${log.timestamp.toISOString()}`);
  console.log(`  preview ${log.preview}, revealed on purpose: "${log.preview?.reveal()}"`);
} finally {
  await mock.close();
}
