// Never twice, never lost, in-process: the SDK through the undici dispatcher into the MSW handlers.
import { Aulm } from 'aulm';
import { startAulmMock } from 'aulm/mock-server';
import { expect, it } from 'vitest';
import { CLIENT_OPTIONS, expectEachOnce, FAULTS, sendExactlyOnce } from './exactly-once.js';

it('lands 1,000 sends exactly once with 30% of requests faulted', async () => {
  const mock = await startAulmMock({ seed: 30 });
  try {
    const { apiKey, sessionId } = mock.quickstart();
    for (const rule of FAULTS) mock.faults.inject(rule);
    const aulm = new Aulm({ apiKey, ...CLIENT_OPTIONS });

    const outcome = await sendExactlyOnce(aulm, sessionId, 1_000);
    mock.faults.clear();

    const faulted = mock.journal.filter((entry) => entry.fault !== null).length;
    const sends = mock.journal.filter((entry) => entry.method === 'POST').length;
    expect(faulted / sends).toBeGreaterThan(0.2);
    expect(mock.journal.filter((entry) => entry.fault === 'lost_response').length).toBeGreaterThan(0);
    await expectEachOnce(aulm, outcome, 1_000);
  } finally {
    await mock.close();
  }
}, 120_000);
