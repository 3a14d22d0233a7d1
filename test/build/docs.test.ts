// The API docs build (`npm run docs`): typedoc with the project's typedoc.json, where every warning (an
// undocumented export, a type referenced but not exported, a broken link) is an error.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const typedoc = join(root, 'node_modules/typedoc/bin/typedoc');
const out = mkdtempSync(join(tmpdir(), 'aulm-docs-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the API docs', () => {
  it('build for the three entry points without a warning', { timeout: 60_000 }, async () => {
    const result = await promisify(execFile)(
      process.execPath,
      [typedoc, '--options', 'typedoc.json', '--out', out, '--treatWarningsAsErrors'],
      { cwd: root, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, maxBuffer: 64 * 1024 * 1024 },
    ).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        output: error.stdout + error.stderr,
      }),
    );
    expect(result.output).not.toMatch(/\[(warning|error)\]/);
    expect(result.code).toBe(0);
    for (const page of [
      'index.html',
      'modules/aulm.html',
      'modules/aulm_webhooks.html',
      'modules/aulm_mock-server.html',
      'modules/aulm_mock-server_(browser).html',
    ]) {
      expect(existsSync(join(out, page)), page).toBe(true);
    }
  });
});
