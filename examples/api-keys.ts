// API keys: give a nightly job a key that can only read logs, see it refused anything else, then rotate
// it (a new key first, the old one revoked once the job uses the new one) and see the old one locked out.
// Run it with `npm run build && npx tsx --tsconfig examples/tsconfig.json examples/api-keys.ts`.
import { Aulm, AuthenticationError, PermissionDeniedError } from 'aulm';
import { startAulmMock } from 'aulm/mock-server';

const mock = await startAulmMock({ seed: 1 });
const { apiKey, sessionId } = mock.quickstart(); // the admin key, scope `*`
const admin = new Aulm({ apiKey });

try {
  await admin.messages.send({ sessionId, to: '+447700900123', text: 'Your code is 4821' });

  const key = await admin.apiKeys.create({ name: 'Nightly export', scopes: ['logs:read'] });
  console.log(`Created ${key.id} "${key.name}" with ${key.scopes.join(', ')}: ${key.secret}`);
  const job = new Aulm({ apiKey: key.secret!.reveal() }); // store the secret now: it is shown only once
  console.log(`The job reads ${(await job.logs.list()).data.length} log(s)`);
  try {
    await job.messages.send({ sessionId, to: '+447700900123', text: 'Not allowed' });
  } catch (error) {
    if (!(error instanceof PermissionDeniedError)) throw error;
    console.log(`The job cannot send: ${error.message}`);
  }

  // Rotation: a new key with the same scopes, handed to the job, then the old one revoked.
  const replacement = await admin.apiKeys.create({ name: 'Nightly export (2026-01)', scopes: key.scopes });
  const rotatedJob = new Aulm({ apiKey: replacement.secret!.reveal() });
  await rotatedJob.logs.list();
  const revoked = await admin.apiKeys.revoke(key.id);
  console.log(`\nRevoked ${revoked.id}, last used ${revoked.lastUsedAt?.toISOString()}`);
  try {
    await job.logs.list();
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    console.log(`The old key is locked out: ${error.message}`);
  }
  console.log(`The new key reads ${(await rotatedJob.logs.list()).data.length} log(s)`);

  console.log('\nKeys, newest first (secrets are never listed):');
  for await (const listed of admin.apiKeys.list()) {
    console.log(`  ${listed.id}  ${listed.prefix}  ${listed.name.padEnd(24)}  ${listed.scopes.join(', ')}`);
  }
} finally {
  await mock.close();
}
