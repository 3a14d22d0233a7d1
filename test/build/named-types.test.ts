// What a user's tools say of the SDK's results, from the built package: a consumer project's emitted
// declarations name the models (`APIPromise<Message>`), never spell them out as inline objects, and an
// editor's hover over a result says `const m: Message`. The consumer is compiled with the repo's
// TypeScript, `declaration: true`, against dist/ linked in as node_modules/aulm.
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

const consumer = `import { Aulm, verifyWebhook } from 'aulm';

const aulm = new Aulm({ apiKey: 'aulm_test_x' });
const params = { sessionId: 'ses_1', to: '+447700900123', text: 'Your code is 4821' };

export const send = () => aulm.messages.send(params);
export const getLog = () => aulm.logs.get('msg_1');
export const listLogs = () => aulm.logs.list();
export const getRequest = () => aulm.privacy.requests.get('prq_1');
export const verify = (body: string, headers: Record<string, string>) =>
  verifyWebhook(body, headers, { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });

export async function sent() {
  const m = await aulm.messages.send(params);
  return m;
}

export async function firstLog() {
  for await (const log of aulm.logs.list()) return log;
  return undefined;
}

export async function request() {
  const r = await aulm.privacy.requests.get('prq_1');
  return r;
}

export async function event(body: string, headers: Record<string, string>) {
  const e = await verify(body, headers);
  return e;
}
`;

const compilerOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.asynciterable.d.ts'],
  strict: true,
  skipLibCheck: true,
  types: [],
};

describe('the named types of the built package, as a consumer sees them', () => {
  let project: string;
  let declarations: string;

  beforeAll(async () => {
    for (const entry of ['node', 'browser', 'webhooks', 'mock-server', 'mock-server-browser'])
      if (!existsSync(join(dist, entry, 'index.d.ts')))
        throw new Error(`dist/${entry}/index.d.ts is missing: run \`npm run build\``);
    project = mkdtempSync(join(tmpdir(), 'aulm-named-types-'));
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(root, join(project, 'node_modules/aulm'), 'dir');
    writeFileSync(join(project, 'package.json'), '{"name":"consumer","private":true,"type":"module"}\n');
    writeFileSync(join(project, 'consumer.ts'), consumer);
    const tsconfig = {
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        lib: ['es2022', 'dom', 'dom.asynciterable'],
        strict: true,
        skipLibCheck: true,
        types: [],
        declaration: true,
        emitDeclarationOnly: true,
        outDir: 'out',
      },
      files: ['consumer.ts'],
    };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [tsc, '-p', project, '--pretty', 'false'],
      {
        cwd: project,
      },
    ).catch((error: { stdout: string }) => error);
    expect(stdout).toBe('');
    declarations = readFileSync(join(project, 'out/consumer.d.ts'), 'utf8');
  }, 120_000);

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  // `import("aulm").Message`, or `Message` alone: however tsc writes a type of the package by its name.
  const named = (name: string) => String.raw`(import\("aulm"\)\.)?${name}`;

  it('declares each call as returning the model by its name', () => {
    expect(declarations).toMatch(new RegExp(`send: \\(\\) => ${named('APIPromise')}<${named('Message')}>;`));
    expect(declarations).toMatch(
      new RegExp(`getLog: \\(\\) => ${named('APIPromise')}<${named('MessageLog')}>;`),
    );
    expect(declarations).toMatch(
      new RegExp(`listLogs: \\(\\) => ${named('PagePromise')}<${named('MessageLog')}>;`),
    );
    expect(declarations).toMatch(
      new RegExp(`getRequest: \\(\\) => ${named('APIPromise')}<${named('PrivacyRequest')}>;`),
    );
    expect(declarations).toMatch(new RegExp(`verify: \\(.*\\) => Promise<${named('WebhookEvent')}>;`));
    expect(declarations).toMatch(new RegExp(`sent\\(\\): Promise<${named('Message')}>;`));
    expect(declarations).toMatch(
      new RegExp(`firstLog\\(\\): Promise<${named('MessageLog')} \\| undefined>;`),
    );
    expect(declarations).toMatch(new RegExp(`request\\(\\): Promise<${named('PrivacyRequest')}>;`));
    expect(declarations).toMatch(new RegExp(`event\\(.*\\): Promise<${named('WebhookEvent')}>;`));
  });

  it('spells out no model as an inline object', () => {
    expect(declarations).not.toContain('{');
    expect(declarations).not.toMatch(/id: string;/);
  });

  it('says the name of the model on hover over a result', () => {
    const file = join(project, 'consumer.ts');
    const service = ts.createLanguageService(
      {
        getScriptFileNames: () => [file],
        getScriptVersion: () => '1',
        getScriptSnapshot: (name) =>
          existsSync(name) ? ts.ScriptSnapshot.fromString(readFileSync(name, 'utf8')) : undefined,
        getCurrentDirectory: () => project,
        getCompilationSettings: () => compilerOptions,
        getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
        fileExists: ts.sys.fileExists,
        readFile: ts.sys.readFile,
        readDirectory: ts.sys.readDirectory,
        directoryExists: ts.sys.directoryExists,
        getDirectories: ts.sys.getDirectories,
        realpath: ts.sys.realpath,
      },
      ts.createDocumentRegistry(),
    );
    const hover = (declaration: string) => {
      const at = consumer.indexOf(declaration);
      expect(at, declaration).toBeGreaterThan(-1);
      const info = service.getQuickInfoAtPosition(file, at + declaration.length - 1);
      return ts.displayPartsToString(info?.displayParts);
    };
    expect(hover('const m')).toBe('const m: Message');
    expect(hover('const log')).toBe('const log: MessageLog');
    expect(hover('const r')).toBe('const r: PrivacyRequest');
    expect(hover('const e')).toBe('const e: WebhookEvent');
  });

  it('builds type files that do not import zod', () => {
    for (const entry of ['node', 'browser', 'webhooks', 'mock-server', 'mock-server-browser'])
      for (const file of ['index.d.ts', 'index.d.cts'])
        expect(readFileSync(join(dist, entry, file), 'utf8'), `dist/${entry}/${file}`).not.toMatch(
          /from 'zod/,
        );
  });
});
