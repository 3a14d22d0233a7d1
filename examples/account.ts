// The account an API key belongs to: read it, keep its contact email current, and see what every response
// carries (the request id to quote to support, the rate limit left). A client set to the wrong region is
// sent to the account's home region once, and remembers it. The business's own right to correct its data
// is a rectification request about the account, kept on record with a due date.
// Run it with `npm run build && npx tsx --tsconfig examples/tsconfig.json examples/account.ts`.
import { Aulm } from 'aulm';
import { startAulmMock } from 'aulm/mock-server';

const mock = await startAulmMock({ seed: 1 });
const { apiKey } = mock.accounts.create({ region: 'eu', name: 'Acme Dental', email: 'ops@acme.example' });

try {
  const aulm = new Aulm({ apiKey, region: 'us' }); // the account lives in eu: the first call finds out
  const { data: account, requestId, rateLimit } = await aulm.account.get().withResponse();
  console.log(`Account ${account.id}: ${account.name} <${account.email}>, home region ${account.region}`);
  console.log(`Request ${requestId}; ${rateLimit?.remaining} of ${rateLimit?.limit} requests left`);
  console.log(`The client now talks to ${aulm.baseURL}`);

  const updated = await aulm.account.update({ email: 'privacy@acme.example' });
  console.log(`Contact email is now ${updated.email}`);

  const request = await aulm.privacy.requests.create({
    type: 'rectification',
    subject: { type: 'account' },
    changes: { name: 'Acme Dental Clinic' },
    note: 'Company renamed',
  });
  const waiting = aulm.privacy.requests.waitFor(request, { until: 'completed' });
  await mock.clock.advance('5s'); // the mock's clock stands still until moved: processing takes 5 s
  const done = await waiting;
  console.log(`Rectification ${done.id} ${done.status}: changed ${done.result?.updatedFields.join(', ')}`);
  console.log(`The account is now named ${(await aulm.account.get()).name}`);
} finally {
  await mock.close();
}
