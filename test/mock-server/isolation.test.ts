// One account never sees another's data: another account's session, message or log answers 404 exactly
// as an id that never existed, in every route, and lists hold only the caller's own objects.
import { describe, expect, it } from 'vitest';
import { clientFor, textMessage, useMock } from './client.js';

const mock = useMock({ seed: 11 });

async function twoAccounts() {
  const owner = mock.quickstart();
  const ownerApi = clientFor(owner.apiKey);
  const { body: message } = await ownerApi.post(
    '/v1/messages',
    textMessage(owner.sessionId, '+447700900123'),
  );
  const stranger = clientFor(mock.accounts.create({ region: 'eu' }).apiKey);
  return { owner, ownerApi, message, stranger };
}

// The answer for an id that never existed, with the id swapped in, to compare with the answer for theirs.
function sameAsMissing(answer: { status: number; body: { error: Record<string, unknown> } }, id: string) {
  return { status: answer.status, code: answer.body.error.code, message: answer.body.error.message, id };
}

describe("another account's objects", () => {
  it('answers 404 for their session, on GET and DELETE, exactly as for one that does not exist', async () => {
    const { owner, ownerApi, stranger } = await twoAccounts();
    const theirs = await stranger.get(`/v1/sessions/${owner.sessionId}`);
    const missing = await stranger.get('/v1/sessions/ses_000000000000000000000000');
    expect(sameAsMissing(theirs, owner.sessionId)).toEqual({
      ...sameAsMissing(missing, owner.sessionId),
      message: `No such session: ${owner.sessionId}`,
    });
    expect((await stranger.delete(`/v1/sessions/${owner.sessionId}`)).status).toBe(404);
    expect((await ownerApi.get(`/v1/sessions/${owner.sessionId}`)).body.status).toBe('connected');
  });

  it('answers 404 for their session when sending through it, and sends nothing', async () => {
    const { owner, ownerApi, stranger } = await twoAccounts();
    const answer = await stranger.post('/v1/messages', textMessage(owner.sessionId, '+447700900999'));
    expect(answer.status).toBe(404);
    expect(answer.body.error).toMatchObject({ code: 'resource_not_found', param: 'session_id' });
    expect((await ownerApi.get('/v1/logs')).body.data).toHaveLength(1);
  });

  it('answers 404 for their message and their log', async () => {
    const { message, stranger } = await twoAccounts();
    const asMessage = await stranger.get(`/v1/messages/${message.id}`);
    expect(asMessage.status).toBe(404);
    expect(asMessage.body.error.message).toBe(`No such message: ${message.id}`);
    const asLog = await stranger.get(`/v1/logs/${message.id}`);
    expect(asLog.status).toBe(404);
    expect(asLog.body.error.message).toBe(`No such message log: ${message.id}`);
  });

  it('leaves them out of every list, even filtered by their session', async () => {
    const { owner, stranger } = await twoAccounts();
    expect((await stranger.get('/v1/sessions')).body.data).toEqual([]);
    expect((await stranger.get('/v1/logs')).body.data).toEqual([]);
    expect((await stranger.get(`/v1/logs?session_id=${owner.sessionId}`)).body.data).toEqual([]);
  });

  it('shows each account its own account', async () => {
    const { owner, stranger } = await twoAccounts();
    const mine = (await clientFor(owner.apiKey).get('/v1/account')).body;
    const theirs = (await stranger.get('/v1/account')).body;
    expect(mine.id).toBe(owner.accountId);
    expect(theirs.id).not.toBe(owner.accountId);
  });
});
