// Tiny TypeScript consumers of the built package, type-checked (declarations included: no skipLibCheck) with the
// repo's `tsc` under the resolution modes users pick, node16, nodenext and bundler, importing `aulm`,
// `aulm/webhooks` and `aulm/mock-server` both as ESM (`import`) and as CommonJS (`import x = require(...)`,
// which resolves through the `require` condition to the .d.cts files). Each `@ts-expect-error` fails the check
// if an import has lost its types and come out as `any`.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

const sdkEsm = `import Aulm, { APIError, Aulm as NamedAulm, type ClientOptions, type Message } from 'aulm';
import { verifyWebhook, type WebhookEvent, WebhookVerificationError } from 'aulm/webhooks';

const options: ClientOptions = { apiKey: 'aulm_test_x' };
export const client: NamedAulm = new Aulm(options);
export const isApiError = (error: unknown): error is APIError => error instanceof APIError;
export type MessageId = Message['id'];
export const verify: (...args: Parameters<typeof verifyWebhook>) => Promise<WebhookEvent> = verifyWebhook;
export const isFailure = (error: unknown): error is Error => error instanceof WebhookVerificationError;

// @ts-expect-error the client is typed, not any
export const n1: number = client.messages;
// @ts-expect-error verifyWebhook is typed, not any
export const n2: number = verifyWebhook;
`;

const sdkCjs = `import aulm = require('aulm');
import webhooks = require('aulm/webhooks');

const options: aulm.ClientOptions = { apiKey: 'aulm_test_x' };
const client: aulm.Aulm = new aulm.default(options);
const named: typeof aulm.default = aulm.Aulm;
const isApiError = (error: unknown): error is aulm.APIError => error instanceof aulm.APIError;
const id: aulm.Message['id'] | undefined = undefined;
const verify: (...args: Parameters<typeof webhooks.verifyWebhook>) => Promise<webhooks.WebhookEvent> =
  webhooks.verifyWebhook;

// @ts-expect-error the client is typed, not any
const n1: number = client.messages;
// @ts-expect-error verifyWebhook is typed, not any
const n2: number = webhooks.verifyWebhook;

export = { client, named, isApiError, id, verify, n1, n2 };
`;

const mockEsm = `import { type AulmMock, createAulmMock, startAulmMock } from 'aulm/mock-server';

export const started: () => Promise<AulmMock> = startAulmMock;
export const created: AulmMock = createAulmMock();
// @ts-expect-error startAulmMock is typed, not any
export const n: number = startAulmMock;
`;

const mockCjs = `import mock = require('aulm/mock-server');

const started: () => Promise<mock.AulmMock> = mock.startAulmMock;
// @ts-expect-error startAulmMock is typed, not any
const n: number = mock.startAulmMock;

export = { started, n };
`;

// A browser app whose typechecker takes the `browser` condition (`customConditions`): the browser build's
// types, with the service worker's options, and without what needs Node.
const mockBrowserEsm = `import { type AulmMock, createAulmMock, startAulmMock } from 'aulm/mock-server';
import * as entry from 'aulm/mock-server';

export const started: Promise<AulmMock> = startAulmMock({ seed: 1, worker: { quiet: true, serviceWorker: { url: '/msw.js' } } });
export const created: AulmMock = createAulmMock();
// @ts-expect-error a browser handle has no undici dispatcher
export const dispatcher = created.dispatcher;
// @ts-expect-error the standalone server is Node's
export const standalone = entry.startStandalone;
`;

const mockBrowserCjs = `import mock = require('aulm/mock-server');

const started: () => Promise<mock.AulmMock> = mock.startAulmMock;
// @ts-expect-error the standalone server is Node's
const standalone = mock.startStandalone;

export = { started, standalone };
`;

type Mode = 'node16' | 'nodenext' | 'bundler';
const module: Record<Mode, string> = { node16: 'node16', nodenext: 'nodenext', bundler: 'preserve' };
// Under `node16`/`nodenext` the `node` condition picks the Node build; a bundler's typechecker sets neither
// `node` nor `browser`, so `default`, the fetch build, answers.
const sdkBuild: Record<Mode, string> = { node16: 'node', nodenext: 'node', bundler: 'browser' };

interface Consumer {
  esm: string;
  cjs: string;
  lib: string[];
  types: string[];
  declarations: string[];
  /** The typechecker's `customConditions`. */
  conditions?: string[];
  /** Errors inside these installed packages' own declarations are theirs, not aulm's. */
  notOurs?: RegExp;
}

const consumers = (mode: Mode): Record<'sdk' | 'mock-server', Consumer> => ({
  // A Node project has @types/node and no DOM; a bundled browser app has the DOM and no @types/node.
  sdk: {
    esm: sdkEsm,
    cjs: sdkCjs,
    lib: mode === 'bundler' ? ['es2022', 'dom'] : ['es2022'],
    types: mode === 'bundler' ? [] : ['node'],
    declarations: [sdkBuild[mode], 'webhooks'],
  },
  // msw's own declarations need the DOM lib, whatever the project; and under node16 its CommonJS ones import
  // the ESM-only `rettime` (TS1479). Those errors are msw's: only errors in aulm's files or the consumer count.
  'mock-server': {
    notOurs: /^node_modules\/(msw|@mswjs|rettime)\//,
    esm: mockEsm,
    cjs: mockCjs,
    lib: ['es2022', 'dom'],
    types: ['node'],
    declarations: ['mock-server'],
  },
});

const mockBrowser: Consumer = {
  notOurs: /^node_modules\/(msw|@mswjs|rettime)\//,
  esm: mockBrowserEsm,
  cjs: mockBrowserCjs,
  lib: ['es2022', 'dom'],
  types: [],
  declarations: ['mock-server-browser'],
  conditions: ['browser'],
};

const cases = [
  ...(['node16', 'nodenext', 'bundler'] as const).flatMap((mode) =>
    Object.entries(consumers(mode)).map(([name, consumer]) => ({ mode, name, consumer })),
  ),
  { mode: 'bundler' as const, name: 'mock-server (browser condition)', consumer: mockBrowser },
];

function run(args: string[]) {
  const options = { cwd: root, maxBuffer: 64 * 1024 * 1024 };
  return promisify(execFile)(process.execPath, [tsc, ...args], options).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => error,
  );
}

describe('the types of the built package, as a consumer sees them', () => {
  let scratch: string;

  beforeAll(() => {
    for (const entry of ['node', 'browser', 'webhooks', 'mock-server'])
      for (const file of ['index.d.ts', 'index.d.cts'])
        if (!existsSync(join(dist, entry, file)))
          throw new Error(`dist/${entry}/${file} is missing: run \`npm run build\``);
    scratch = mkdtempSync(join(tmpdir(), 'aulm-types-'));
  });

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it.concurrent.for(cases)(
    'type-checks $name imported and required under moduleResolution $mode',
    { timeout: 120_000 },
    async ({ mode, name, consumer }) => {
      const project = join(scratch, `${mode}-${name.replace(/\W+/g, '-')}`);
      mkdirSync(join(project, 'node_modules'), { recursive: true });
      symlinkSync(root, join(project, 'node_modules/aulm'), 'dir');
      writeFileSync(join(project, 'package.json'), '{"name":"consumer","private":true}\n');
      writeFileSync(join(project, 'esm.mts'), consumer.esm);
      writeFileSync(join(project, 'cjs.cts'), consumer.cjs);
      const compilerOptions = {
        module: module[mode],
        moduleResolution: mode,
        target: 'es2022',
        lib: consumer.lib,
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        typeRoots: [join(root, 'node_modules/@types')],
        types: consumer.types,
        ...(consumer.conditions ? { customConditions: consumer.conditions } : {}),
      };
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({ compilerOptions, files: ['esm.mts', 'cjs.cts'] }),
      );

      const { stdout } = await run(['-p', project, '--listFiles', '--pretty', 'false']);
      const errors = stdout.split('\n').filter((line) => /error TS\d+/.test(line));
      expect(errors.filter((line) => !consumer.notOurs?.test(line))).toEqual([]);
      // `import` took each entry point's .d.ts, and `require` its .d.cts.
      const listed = stdout.split('\n');
      for (const entry of consumer.declarations) {
        expect(listed).toContain(join(dist, entry, 'index.d.ts'));
        expect(listed).toContain(join(dist, entry, 'index.d.cts'));
      }
    },
  );
});
