// Support tickets: open one, read aulm's answer when it comes, reply, and rate the ticket once solved.
// aulm's support agent is a person; in the mock, its handle plays the agent (`mock.support`).
// Run it with `npm run build && npx tsx --tsconfig examples/tsconfig.json examples/support.ts`.
import { Aulm } from 'aulm';
import { startAulmMock } from 'aulm/mock-server';

const mock = await startAulmMock({ seed: 1 });
const { apiKey, sessionId } = mock.quickstart();
const aulm = new Aulm({ apiKey });

try {
  const ticket = await aulm.support.tickets.create({
    subject: 'Session keeps disconnecting',
    body: `${sessionId} drops every few minutes since this morning.`,
    priority: 'high',
  });
  console.log(`Opened ${ticket.id} (${ticket.priority}): ${ticket.status}`);

  await mock.clock.advance('40m');
  mock.support.reply(ticket.id, 'Sorry about that. Which phone is it paired with?');
  const answered = await aulm.support.tickets.get(ticket.id);
  console.log(`\n40 minutes later it is ${answered.status}:`);
  for (const message of answered.messages ?? []) {
    console.log(`  ${message.createdAt.toISOString()}  ${message.author.padEnd(8)}  ${message.body}`);
  }

  await aulm.support.tickets.reply(ticket.id, { body: 'A Pixel 8, on Android 15.' });
  await mock.clock.advance('2h');
  mock.support.solve(ticket.id, { reply: 'Fixed in the 2.3.1 app update: please update the phone.' });

  for await (const solved of aulm.support.tickets.list({ status: 'solved' })) {
    console.log(`\nSolved: ${solved.id} "${solved.subject}", updated ${solved.updatedAt.toISOString()}`);
  }
  const rated = await aulm.support.tickets.rate(ticket.id, { score: 5, comment: 'Quick and clear.' });
  const last = rated.messages?.at(-1);
  console.log(`  last word, from the ${last?.author}: ${last?.body}`);
  console.log(`  rated ${rated.csat?.score}/5: "${rated.csat?.comment}"`);
} finally {
  await mock.close();
}
