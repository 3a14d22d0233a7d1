// The SDK in a real browser: Debian's Chromium, headless, driven by playwright-core, loads a page bundled from
// the built package (`page.ts`), which starts the reference server on MSW's service worker, sends messages,
// walks the logs, verifies webhooks on WebCrypto and checks that the SDK refuses a key without
// `dangerouslyAllowBrowser`, all under a Content-Security-Policy that forbids `eval`, as many pages have.
// Needs `npm run build` and /usr/bin/chromium (`apt-get install -y chromium`).
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageReport } from './page.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const chromiumPath = '/usr/bin/chromium';
const html =
  '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>aulm</title>' +
  '<script type="module" src="/page.js"></script></head><body></body></html>';

/** Bundles the page as a user's bundler would: from `dist/`, through the package's `exports` map. */
async function bundlePage(): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./page.ts', import.meta.url))],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // Not the root tsconfig, whose `paths` point `aulm` at the sources.
    tsconfigRaw: {},
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]?.text ?? '', inputs: Object.keys(result.metafile.inputs) };
}

// Scripts from the page's own origin only, and no `eval` or `new Function`: what the SDK and the mock run in
// a browser must need neither.
const CSP = "script-src 'self'; worker-src 'self'";

function serve(files: Record<string, { type: string; body: string }>): Promise<Server> {
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
    if (!file) return void response.writeHead(404).end();
    response
      .writeHead(200, {
        'content-type': file.type,
        'cache-control': 'no-store',
        'content-security-policy': CSP,
      })
      .end(file.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('the SDK and the reference server in Chromium', () => {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let inputs: string[];
  let report: PageReport;
  const problems: string[] = [];
  const violations: string[] = [];
  let violationsOfTheRun: string[] = [];
  const apiRequests: { url: string; fromServiceWorker: boolean }[] = [];

  beforeAll(async () => {
    if (!existsSync(chromiumPath)) {
      throw new Error(
        `Chromium is missing at ${chromiumPath}: this test needs it (Debian: \`apt-get install -y chromium\`).`,
      );
    }
    for (const entry of ['browser', 'webhooks', 'mock-server-browser'])
      if (!existsSync(`${root}dist/${entry}/index.js`))
        throw new Error(`dist/${entry} is missing: run \`npm run build\``);
    const page = await bundlePage();
    inputs = page.inputs;
    const worker = readFileSync(`${root}node_modules/msw/lib/mockServiceWorker.js`, 'utf8');
    server = await serve({
      '/': { type: 'text/html; charset=utf-8', body: html },
      '/page.js': { type: 'text/javascript; charset=utf-8', body: page.code },
      '/mockServiceWorker.js': { type: 'text/javascript; charset=utf-8', body: worker },
      '/control.js': { type: 'text/javascript; charset=utf-8', body: "try { new Function(''); } catch {}" },
    });
    const { port } = server.address() as AddressInfo;

    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // No name resolves but the page's own host: a request the service worker does not answer fails.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    });
    const context = await browser.newContext();
    context.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`console ${message.type()}: ${message.text()}`);
    });
    context.on('weberror', (error) => problems.push(`page error: ${error.error().message}`));
    context.on('requestfailed', (request) =>
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`),
    );
    const tab = await context.newPage();
    await tab.exposeFunction('reportViolation', (directive: string, blocked: string) =>
      violations.push(`${directive} ${blocked}`),
    );
    await tab.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (
          window as unknown as { reportViolation: (directive: string, blocked: string) => void }
        ).reportViolation(event.effectiveDirective, event.blockedURI),
      ),
    );
    tab.on('response', (response) => {
      if (new URL(response.url()).hostname.endsWith('aulm.io'))
        apiRequests.push({ url: response.url(), fromServiceWorker: response.fromServiceWorker() });
    });
    await tab.goto(`http://127.0.0.1:${port}/`);
    report = await tab.evaluate(() =>
      (window as unknown as { runAulmPage: () => Promise<PageReport> }).runAulmPage(),
    );
    violationsOfTheRun = [...violations];
    // The control: a script of the page's own that calls `new Function`, which the policy must refuse and
    // report (code that the test itself evaluates in the page is not held to the policy).
    await tab.addScriptTag({ url: '/control.js' });
    for (let waited = 0; violations.length === violationsOfTheRun.length && waited < 2_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  it('bundles the browser builds of aulm, aulm/webhooks and aulm/mock-server, with no undici and no msw/node', () => {
    const dist = inputs.filter((input) => input.startsWith('dist/')).sort();
    expect(dist).toEqual([
      'dist/browser/index.js',
      'dist/mock-server-browser/index.js',
      'dist/webhooks/index.js',
    ]);
    expect(inputs.filter((input) => /node_modules\/(undici|msw\/lib\/node)\//.test(input))).toEqual([]);
    expect(inputs.some((input) => input.startsWith('node_modules/msw/lib/browser/'))).toBe(true);
  });

  it('starts the mock on MSW service worker, which answers every API request', () => {
    expect(report.controller).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mockServiceWorker\.js$/);
    expect(report.hosts).toEqual(['api.aulm.io']);
    expect(apiRequests.length).toBe(report.journal.length + 1);
    expect(apiRequests.filter((request) => !request.fromServiceWorker)).toEqual([]);
  });

  it('refuses the API key without dangerouslyAllowBrowser, with an AulmError naming the option', () => {
    expect(report.refused).not.toBeNull();
    expect(report.refused!.name).toBe('AulmError');
    expect(report.refused!.isAulmError).toBe(true);
    expect(report.refused!.message).toMatch(/^Refusing to run in a browser/);
    expect(report.refused!.message).toContain('`dangerouslyAllowBrowser: true`');
    expect(report.refused!.message).not.toContain('aulm_test_');
  });

  it('sends messages, and their statuses move on the mock clock', () => {
    expect(report.sent.map((message) => message.status)).toEqual(Array(5).fill('queued'));
    expect(new Set(report.sent.map((message) => message.id)).size).toBe(5);
    expect(report.now).toBe('2026-01-01T00:00:10.000Z');
  });

  it('walks the logs across pages with for await, numbers and previews redacted', () => {
    const ids = report.sent.map((message) => message.id);
    expect(report.logs.map((log) => log.id)).toEqual([...ids].reverse());
    expect(report.logs.map((log) => [log.recipient, log.status, log.error])).toEqual([
      ['+1 ••••••0123', 'read', null],
      ['+44 ••••••0002', 'delivered', null],
      ['+44 ••••••0001', 'sent', null],
      ['+44 ••••••0000', 'failed', 'recipient_not_on_network'],
      ['+44 ••••••0123', 'read', null],
    ]);
    expect(report.logs.map((log) => [log.preview, log.revealed])).toEqual([
      ['[redacted: 41 chars]', 'Your appointment is confirmed for Monday…'],
      ['[redacted: 18 chars]', 'Stops at delivered'],
      ['[redacted: 13 chars]', 'Stops at sent'],
      ['[redacted: 18 chars]', 'Not on the network'],
      ['[redacted: 17 chars]', 'Your code is 4821'],
    ]);
    // Five logs in pages of two: three requests.
    const pages = apiRequests.filter((request) => new URL(request.url).pathname === '/v1/logs');
    expect(pages.map((request) => new URL(request.url).searchParams.get('limit'))).toEqual(['2', '2', '2']);
    expect(pages.map((request) => new URL(request.url).searchParams.has('cursor'))).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('answers each request as the API does, as the journal records', () => {
    expect(report.journal).toEqual([
      'POST /v1/webhook_endpoints 201',
      ...Array(5).fill('POST /v1/messages 202'),
      ...Array(3).fill('GET /v1/logs 200'),
    ]);
  });

  it('verifies the signed webhook deliveries with verifyWebhook on WebCrypto', () => {
    expect(report.processType).toBe('undefined');
    const [first, failed, , delivered] = report.sent.map((message) => message.id);
    const last = report.sent[4]!.id;
    expect(report.events).toEqual([
      { type: 'message.failed', messageId: failed },
      { type: 'message.delivered', messageId: first },
      { type: 'message.delivered', messageId: delivered },
      { type: 'message.delivered', messageId: last },
    ]);
  });

  it('rejects a delivery whose body was changed, with no_matching_signature', () => {
    expect(report.tampered).toBe('no_matching_signature');
  });

  it('signs with signWebhook, verifies it, and refuses it a day later as timestamp_too_old', () => {
    expect(report.signed).toEqual({ type: 'test.ping', late: 'timestamp_too_old' });
  });

  it('refuses a second started mock, and after close() starts again with the same seed', () => {
    expect(report.secondStart).toMatch(/^Another mock started with startAulmMock is still open/);
    expect(report.restarted).toEqual({ sameKey: true, status: 'queued', journal: ['POST /v1/messages 202'] });
  });

  it('runs under a Content-Security-Policy without eval: zod checks every value, and nothing is refused', () => {
    expect(violationsOfTheRun).toEqual([]);
    // The policy was in force: the page's own `new Function` afterwards was refused and reported.
    expect(violations.slice(violationsOfTheRun.length)).toEqual(['script-src eval']);
  });

  it('leaves no console error or warning, page error or failed request', () => {
    expect(problems).toEqual([]);
  });
});
