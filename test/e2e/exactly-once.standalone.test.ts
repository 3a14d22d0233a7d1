// Never twice, never lost, over real sockets: the SDK (undici) against the standalone reference server,
// whose network faults are real TCP resets.
import { Aulm } from 'aulm';
import { startStandalone } from 'aulm/mock-server';
import { expect, it } from 'vitest';
import { CLIENT_OPTIONS, expectEachOnce, FAULTS, sendExactlyOnce } from './exactly-once.js';

it('lands 1,000 sends exactly once with 30% of requests faulted', async () => {
  const server = await startStandalone({ port: 0, seed: 31, clock: 'manual' });
  try {
    for (const rule of FAULTS) server.mock.faults.inject(rule);
    const aulm = new Aulm({ apiKey: server.apiKey, baseURL: server.url, ...CLIENT_OPTIONS });

    const outcome = await sendExactlyOnce(aulm, server.sessionId, 1_000);
    server.mock.faults.clear();

    const { journal } = server.mock;
    const faulted = journal.filter((entry) => entry.fault !== null).length;
    expect(faulted / journal.filter((entry) => entry.method === 'POST').length).toBeGreaterThan(0.2);
    expect(journal.filter((entry) => entry.fault === 'reset').length).toBeGreaterThan(0);
    await expectEachOnce(aulm, outcome, 1_000);
  } finally {
    await server.close();
  }
}, 120_000);
