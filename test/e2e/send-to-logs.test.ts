// The SDK against the reference server, end to end: every method of the foundation, through the
// undici dispatcher that `startAulmMock` installs globally.
import { inspect } from 'node:util';
import { Aulm, NotFoundError, PhoneNumber, Redacted, UnprocessableEntityError } from 'aulm';
import { type AulmMock, startAulmMock } from 'aulm/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let mock: AulmMock;
let aulm: Aulm;
let sessionId: string;

beforeAll(async () => {
  mock = await startAulmMock({ seed: 42 });
  const start = mock.quickstart();
  sessionId = start.sessionId;
  aulm = new Aulm({ apiKey: start.apiKey });
});

afterAll(async () => {
  await mock.close();
});

describe('account and sessions', () => {
  it('reads the account the key belongs to', async () => {
    const account = await aulm.account.get();
    expect(account.object).toBe('account');
    expect(account.id).toMatch(/^acct_/);
    expect(account.createdAt).toBeInstanceOf(Date);
  });

  it('pairs a session with a code, connects it, lists it and logs it out', async () => {
    const created = await aulm.sessions.create({ name: 'Till 2' });
    expect(created.status).toBe('pairing');
    expect(created.pairingCode).toHaveLength(8);
    expect(created.pairingExpiresAt!.getTime() - created.createdAt.getTime()).toBe(5 * 60_000);

    mock.sessions.connect(created.id, { phoneNumber: '+447700900777' });
    const connected = await aulm.sessions.get(created.id);
    expect(connected.status).toBe('connected');
    expect(connected.phoneNumber).toBeInstanceOf(PhoneNumber);
    expect(connected.phoneNumber!.e164).toBe('+447700900777');

    const page = await aulm.sessions.list({ limit: 100 });
    expect(page.data.map((session) => session.id)).toContain(created.id);

    const loggedOut = await aulm.sessions.delete(created.id);
    expect(loggedOut.status).toBe('disconnected');
    expect((await aulm.sessions.get(created.id)).status).toBe('disconnected');
  });

  it('expires a session left unpaired for five minutes', async () => {
    const created = await aulm.sessions.create();
    await mock.clock.advance('5m');
    expect((await aulm.sessions.get(created.id)).status).toBe('expired');
  });
});

describe('messages', () => {
  it('sends a text, which moves queued → sent → delivered → read on the clock', async () => {
    const sent = await aulm.messages.send({ sessionId, to: '+447700900123', text: 'Your code is 4821' });
    expect(sent.status).toBe('queued');
    expect(sent.to.e164).toBe('+447700900123');
    expect(sent.preview?.reveal()).toBe('Your code is 4821');

    await mock.clock.advance('1s');
    expect((await aulm.messages.get(sent.id)).status).toBe('sent');
    await mock.clock.advance('2s');
    expect((await aulm.messages.get(sent.id)).status).toBe('delivered');
    await mock.clock.advance('7s');
    expect((await aulm.messages.get(sent.id)).status).toBe('read');
  });

  it('waits for a message to be delivered', async () => {
    const sent = await aulm.messages.send({ sessionId, to: '+447700900124', text: 'Wait for me' });
    const waiting = aulm.messages.waitFor(sent.id, { until: 'delivered', timeout: 10_000 });
    await mock.clock.advance('3s');
    const delivered = await waiting;
    expect(delivered.status).toBe('delivered');
  });

  it('fails a message to a number not on the network (test number ending 0000)', async () => {
    const sent = await aulm.messages.send({ sessionId, to: '+447700900000', text: 'Nobody home' });
    await mock.clock.advance('10s');
    const failed = await aulm.messages.get(sent.id);
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('recipient_not_on_network');
  });

  it('cuts the preview to 40 characters and marks the cut', async () => {
    const text = `${'A'.repeat(39)}BCDEFG`;
    const sent = await aulm.messages.send({ sessionId, to: '+447700900125', text });
    expect(sent.preview?.reveal()).toBe(`${'A'.repeat(39)}B…`);
    expect(String(sent.preview)).toBe('[redacted: 41 chars]');
  });

  it('refuses a bad phone number locally, naming the field, and sends nothing', async () => {
    const before = mock.journal.length;
    const error = await aulm.messages.send({ sessionId, to: '07700 900123', text: 'hi' }).catch((e) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.param).toBe('to');
    expect(error.code).toBe('invalid_phone_number');
    expect(mock.journal.length).toBe(before);
  });
});

describe('logs', () => {
  it('reads one log by its message id', async () => {
    const sent = await aulm.messages.send({ sessionId, to: '+447700900126', text: 'Log me' });
    const log = await aulm.logs.get(sent.id);
    expect(log.object).toBe('message_log');
    expect(log.recipient.e164).toBe('+447700900126');
    expect(log.status).toBe('queued');
  });

  it('prints a log with neither the preview text nor the full number, in all four ways', async () => {
    const sent = await aulm.messages.send({ sessionId, to: '+447700900127', text: 'Secret appointment' });
    const log = await aulm.logs.get(sent.id);
    const printed = [
      inspect(log, { depth: 5 }), // what console.log shows
      String(log.preview) + String(log.recipient),
      JSON.stringify(log),
      `${log.preview} ${log.recipient}`,
    ];
    for (const text of printed) {
      expect(text).not.toContain('Secret appointment');
      expect(text).not.toContain('+447700900127');
      expect(text).toContain('[redacted: 18 chars]');
      expect(text).toContain('+44 ••••••0127');
    }
    expect(log.preview).toBeInstanceOf(Redacted);
  });
});

describe('a key of one account', () => {
  it("gets NotFoundError for another account's message, session and log", async () => {
    const other = mock.accounts.create({ region: 'us', name: 'Other' });
    const stranger = new Aulm({ apiKey: other.apiKey });
    const sent = await aulm.messages.send({ sessionId, to: '+447700900128', text: 'Mine' });
    await expect(stranger.messages.get(sent.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(stranger.sessions.get(sessionId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(stranger.logs.get(sent.id)).rejects.toBeInstanceOf(NotFoundError);
    const theirs = await stranger.logs.list({ limit: 100 });
    expect(theirs.data).toEqual([]);
  });
});
