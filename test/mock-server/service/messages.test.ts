// The message domain without HTTP: previews, the timelines of the test numbers, forward-only statuses,
// and live keys, which treat the test numbers as ordinary numbers.
import { describe, expect, it } from 'vitest';
import { previewOf, timelineOf } from '../../../mock-server/service/messages.js';
import { connectedService } from './connected-service.js';

function service() {
  const { service, accountId, sessionId } = connectedService(1);
  return { ...service, accountId, sessionId };
}

describe('previewOf', () => {
  it('keeps a text of up to 40 characters whole, and cuts a longer one with …', () => {
    const base = { sessionId: 'ses_1', to: '+447700900123' };
    expect(previewOf({ ...base, text: 'a'.repeat(40) })).toBe('a'.repeat(40));
    expect(previewOf({ ...base, text: 'a'.repeat(41) })).toBe(`${'a'.repeat(40)}…`);
    expect(previewOf({ ...base, text: `${'é'.repeat(39)}👋🏽x` })).toBe(`${'é'.repeat(39)}👋…`);
  });

  it('uses the caption of a media message, or [media <type>]', () => {
    const media = { url: 'https://cdn.example.com/f.pdf', mimeType: 'application/pdf' };
    const base = { sessionId: 'ses_1', to: '+447700900123' };
    expect(previewOf({ ...base, media: { ...media, caption: 'Invoice' } })).toBe('Invoice');
    expect(previewOf({ ...base, media })).toBe('[media application/pdf]');
    expect(previewOf({ ...base, media: { ...media, caption: '' } })).toBe('[media application/pdf]');
  });

  it('redacts the whole text before cutting it, so that no number is kept cut short', () => {
    const base = { sessionId: 'ses_1', to: '+447700900123' };
    const text = `${'a'.repeat(29)} +447700900125 b`;
    const redact = (whole: string) => whole.replace('+447700900125', '[erased]');
    expect(previewOf({ ...base, text })).toBe(`${'a'.repeat(29)} +447700900…`);
    expect(previewOf({ ...base, text }, redact)).toBe(`${'a'.repeat(29)} [erased] b`);
  });
});

describe('timelineOf', () => {
  it('honours the test numbers with a test key only', () => {
    const statuses = (to: string, mode: 'test' | 'live') =>
      timelineOf(to, mode).map((step) => `${step.status}@${step.afterMs}`);
    expect(statuses('+447700900123', 'test')).toEqual(['sent@1000', 'delivered@3000', 'read@10000']);
    expect(statuses('+447700900000', 'test')).toEqual(['failed@1000']);
    expect(statuses('+447700900001', 'test')).toEqual(['sent@1000']);
    expect(statuses('+447700900002', 'test')).toEqual(['sent@1000', 'delivered@3000']);
    expect(statuses('+447700900000', 'live')).toEqual(['sent@1000', 'delivered@3000', 'read@10000']);
  });
});

describe('Messages', () => {
  it('never moves a status back, nor out of failed or read', async () => {
    const { messages, accountId, sessionId, clock } = service();
    const sent = messages.send(accountId, 'test', { sessionId, to: '+447700900123', text: 'hi' });
    const record = messages.find(accountId, sent.id);
    expect(messages.transition(record, 'delivered')).toBe(true);
    expect(messages.transition(record, 'sent')).toBe(false);
    expect(messages.transition(record, 'delivered')).toBe(false);
    await clock.advance('5s');
    expect(record.status).toBe('delivered');
    await clock.advance('5s');
    expect(record.status).toBe('read');
    expect(messages.transition(record, 'failed', 'message_expired')).toBe(false);
  });

  it('sends a live-key message to a number ending 0000 like any other', async () => {
    const { messages, accountId, sessionId, clock } = service();
    const sent = messages.send(accountId, 'live', { sessionId, to: '+447700900000', text: 'hi' });
    await clock.advance('10s');
    expect(messages.get(accountId, sent.id).status).toBe('read');
  });

  it('finds a message for its own account only', () => {
    const { messages, accounts, accountId, sessionId } = service();
    const sent = messages.send(accountId, 'test', { sessionId, to: '+447700900123', text: 'hi' });
    const other = accounts.create().account.id;
    expect(() => messages.get(other, sent.id)).toThrow(
      expect.objectContaining({ status: 404, message: `No such message: ${sent.id}` }),
    );
  });
});
