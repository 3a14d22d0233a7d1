// The `aulm-mock` bin as it ships (dist/mock-server/cli.js): it answers --help without loading the server,
// serves and stops cleanly, and says what to install when the server's packages are missing.
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'dist/mock-server/cli.js');

function run(file: string, args: string[]) {
  return promisify(execFile)(process.execPath, [file, ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('the aulm-mock bin', () => {
  beforeAll(() => {
    if (!existsSync(bin)) throw new Error('dist/mock-server/cli.js is missing: run `npm run build`');
  });

  it('prints its usage for --help', async () => {
    const { code, stdout } = await run(bin, ['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: aulm-mock/);
  });

  it('serves the API, prints three lines, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [bin, '--port', '0', '--seed', '4'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const lines = await new Promise<string[]>((resolve) => {
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const printed = stdout.split('\n').filter(Boolean);
        if (printed.length === 3) resolve(printed);
      });
    });
    const [url, key, session] = lines;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(session).toMatch(/^ses_/);
    const account = await fetch(`${url}/v1/account`, { headers: { authorization: `Bearer ${key}` } });
    expect(account.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('says which package is missing and what to install when msw and the rest are not there', async () => {
    const lonely = mkdtempSync(join(tmpdir(), 'aulm-bin-'));
    cpSync(join(root, 'dist/mock-server'), join(lonely, 'dist/mock-server'), { recursive: true });
    writeFileSync(join(lonely, 'package.json'), '{"type":"module"}');
    const { code, stdout, stderr } = await run(join(lonely, 'dist/mock-server/cli.js'), ['--port', '0']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^aulm-mock: the package \S+ is missing\. .*npm install --save-dev aulm msw@2\.15\.0$/m,
    );
    expect((await run(join(lonely, 'dist/mock-server/cli.js'), ['--help'])).code).toBe(0);
  });
});
