// The package as it would be published (the tarball `npm pack` makes from the build), checked by publint and by
// Are the Types Wrong? (attw): any message of either, down to a publint suggestion, fails the test.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name: string) => join(root, 'node_modules/.bin', name);

function run(file: string, args: string[]) {
  return promisify(execFile)(file, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('the packed package', () => {
  let scratch: string;
  let tarball: string;

  beforeAll(async () => {
    for (const entry of ['node', 'browser', 'webhooks', 'mock-server', 'mock-server-browser'])
      if (!existsSync(join(root, 'dist', entry, 'index.js')))
        throw new Error(`dist/${entry} is missing: run \`npm run build\``);
    scratch = mkdtempSync(join(tmpdir(), 'aulm-pack-'));
    const packed = await run('npm', ['pack', '--json', '--pack-destination', scratch]);
    if (packed.code !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
    const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
    tarball = join(scratch, filename);
  }, 60_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('passes publint with no error, warning or suggestion', async () => {
    const { code, stdout, stderr } = await run(bin('publint'), [
      'run',
      tarball,
      '--strict',
      '--level',
      'suggestion',
    ]);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/Suggestions|Warnings|Errors/);
    expect(stdout).toMatch(/All good!/);
    expect(code).toBe(0);
  }, 60_000);

  it('passes attw for every entry point under every resolution mode', async () => {
    const { code, stdout, stderr } = await run(bin('attw'), [tarball, '--format', 'json']);
    const report = JSON.parse(stdout) as {
      analysis: { entrypoints: Record<string, unknown>; problems: unknown[] };
      problems: Record<string, unknown[]> | unknown[];
    };
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(
      ['.', './mock-server', './package.json', './webhooks'].sort(),
    );
    expect(report.analysis.problems).toEqual([]);
    expect(Object.values(report.problems).flat()).toEqual([]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 120_000);
});
