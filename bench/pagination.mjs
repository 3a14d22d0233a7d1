// Pagination: `for await` over 100,000 logs (1,000 pages of 100) from a node:http fixture server in its
// own process, through aulm's `logs.list`, beside a hand-written undici loop that JSON.parses each page.
// Time is the median of timed walks; heap growth is read in a walk of its own, with full GCs at checkpoints.
// With `--baseline`, the other build's `logs.list` walks too.
import { performance } from 'node:perf_hooks';
import { Aulm } from 'aulm';
import { request } from 'undici';
import { BASELINE_ROLE, baselineName, importFrom } from './lib/baseline.mjs';
import { startFixture } from './lib/fixture-server.mjs';
import { interleaved, median, summary } from './lib/rounds.mjs';
import { API_KEY, apiHeaders } from './lib/wire.mjs';

const PAGES = 1_000;
const PER_PAGE = 100;
const ROUNDS = 9;
const CHECKPOINT_EVERY = 50; // pages
const MB = 1024 * 1024;

if (typeof globalThis.gc !== 'function') throw new Error('Run with node --expose-gc (npm run bench does).');

export async function measure(log, { baseline } = {}) {
  const server = await startFixture({ logs: { pages: PAGES, perPage: PER_PAGE, headers: apiHeaders } });
  const aulm = new Aulm({ apiKey: API_KEY, baseURL: server.url, maxRetries: 0 });
  const before = baseline
    ? new (await importFrom(baseline.dir)).Aulm({ apiKey: API_KEY, baseURL: server.url, maxRetries: 0 })
    : undefined;

  async function* undiciLoop() {
    let cursor = null;
    do {
      const query = `limit=${PER_PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await request(`${server.url}/v1/logs?${query}`, {
        headers: { authorization: `Bearer ${API_KEY}` },
      });
      const page = JSON.parse(await response.body.text());
      yield* page.data;
      cursor = page.has_more ? page.next_cursor : null;
    } while (cursor);
  }
  const subject = 'aulm logs.list (for await)';
  const floor = 'hand-written undici loop';
  const contenders = [
    { name: subject, role: 'subject', walk: () => aulm.logs.list({ limit: PER_PAGE }) },
    ...(before
      ? [
          {
            name: baselineName(subject),
            role: BASELINE_ROLE,
            walk: () => before.logs.list({ limit: PER_PAGE }),
          },
        ]
      : []),
    { name: floor, role: 'floor', walk: undiciLoop },
  ];

  // A timed walk; the heap is sampled (not collected) at each page, for the unforced peak.
  const peaks = new Map(contenders.map((contender) => [contender.name, []]));
  const times = await interleaved(
    contenders,
    { count: ROUNDS },
    async (contender, { warmup }) => {
      globalThis.gc();
      const base = process.memoryUsage().heapUsed;
      let peak = base;
      let count = 0;
      const begin = performance.now();
      for await (const _ of contender.walk()) {
        if (count++ % PER_PAGE === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
      const ms = performance.now() - begin;
      if (count !== PAGES * PER_PAGE) throw new Error(`${contender.name} walked ${count} items`);
      if (!warmup) peaks.get(contender.name).push((peak - base) / MB);
      return ms;
    },
    log,
  );

  // The heap walk: a full GC before, and at every checkpoint, so growth is what the walk holds on to.
  const retained = new Map();
  for (const contender of contenders) {
    globalThis.gc();
    const base = process.memoryUsage().heapUsed;
    let growth = 0;
    let count = 0;
    for await (const _ of contender.walk()) {
      if (count++ % (PER_PAGE * CHECKPOINT_EVERY) === PER_PAGE / 2) {
        globalThis.gc();
        growth = Math.max(growth, process.memoryUsage().heapUsed - base);
      }
    }
    retained.set(contender.name, summary([growth / MB]));
    log(`  heap walk  ${contender.name}: ${(growth / MB).toFixed(2)} MB held`);
  }
  await server.close();

  const rounds = `median of ${ROUNDS} walks, after a warm-up walk`;
  return [
    {
      id: 'pagination-time',
      title: 'Pagination: time',
      how:
        `\`for await\` over ${(PAGES * PER_PAGE).toLocaleString('en')} message logs (${PAGES.toLocaleString('en')} ` +
        `pages of ${PER_PAGE}, cursor pagination) from a node:http server in its own process. aulm validates ` +
        'and decodes every log (dates, masked numbers, redacted previews); the floor only JSON.parses each page.',
      unit: 'ms',
      better: 'lower',
      rounds,
      rows: contenders.map(({ name, role }) => ({ name, role, ...times.get(name) })),
      targets: [
        {
          subject,
          against: floor,
          op: '<=',
          ratio: 1.25,
          short: 'pagination time ÷ undici loop',
        },
      ],
      notes: [],
    },
    {
      id: 'pagination-heap',
      title: 'Pagination: heap growth',
      how:
        'The same walk, once more for each, with `--expose-gc`: a full GC before the walk gives the base; ' +
        `during the walk a full GC runs every ${CHECKPOINT_EVERY} pages (mid-page) and \`heapUsed\` is read. ` +
        'Heap growth is the largest of those readings minus the base: what the walk holds on to, garbage ' +
        'excluded. "unforced peak" is the highest `heapUsed` sampled once a page in the timed walks without ' +
        'forcing a GC, minus the base (median of the walks): it counts garbage the GC has not yet collected ' +
        'too, and depends on when V8 chooses to collect.',
      unit: 'MB',
      better: 'lower',
      rounds: 'one walk each (the readings are deterministic up to a page)',
      rows: contenders.map(({ name, role }) => ({
        name,
        role,
        ...retained.get(name),
        unforcedPeak: median(peaks.get(name)),
      })),
      targets: [{ subject, op: '<=', limit: 16, short: 'pagination heap ÷ 16 MB' }],
      notes: [],
    },
  ];
}
