// `aulm-mock` as a real process, run from the source through tsx (so the test needs no build): three lines
// on standard output and nothing else, a server that answers, a clean exit 0 on SIGTERM and on SIGINT,
// and exit 2 naming the flag for a bad command line.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  readonly child: ChildProcess;
  /** Everything written to standard output so far. */
  stdout(): string;
  /** Everything written to standard error so far. */
  stderr(): string;
  /** Resolves with the exit code (or the signal that ended it) once the process is gone. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function runCli(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'mock-server/cli.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Waits for the three lines the CLI prints when it is ready. */
async function ready(run: Run): Promise<{ url: string; apiKey: string; sessionId: string }> {
  const deadline = Date.now() + 15_000;
  while (run.stdout().split('\n').length < 4) {
    if (run.child.exitCode !== null) throw new Error(`aulm-mock exited early: ${run.stderr()}`);
    if (Date.now() > deadline) throw new Error(`aulm-mock printed no address: ${run.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const [url = '', apiKey = '', sessionId = ''] = run.stdout().split('\n');
  return { url, apiKey, sessionId };
}

describe('aulm-mock', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints the URL, a test key and a session id, serves them, and exits 0 on ${signal}`, async () => {
      const run = runCli(['--port', '0', '--seed', '3', '--clock', 'manual']);
      try {
        const { url, apiKey, sessionId } = await ready(run);
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(url).not.toMatch(/:0$/);
        expect(apiKey).toMatch(/^aulm_test_[0-9A-Za-z]{32}$/);
        expect(sessionId).toMatch(/^ses_[0-9A-Za-z]{24}$/);

        const headers = { authorization: `Bearer ${apiKey}` };
        const account = await fetch(`${url}/v1/account`, { headers });
        expect(account.status).toBe(200);
        const session = await fetch(`${url}/v1/sessions/${sessionId}`, { headers });
        expect(await session.json()).toMatchObject({ id: sessionId, status: 'connected' });
        const clock = await fetch(`${url}/__mock/clock/advance`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ms: 1_000 }),
        });
        expect(await clock.json()).toEqual({ now: '2026-01-01T00:00:01.000Z' });

        run.child.kill(signal);
        expect(await run.exited).toEqual({ code: 0, signal: null });
        expect(run.stdout()).toBe(`${url}\n${apiKey}\n${sessionId}\n`);
        await expect(fetch(`${url}/__mock/health`)).rejects.toThrow();
      } finally {
        run.child.kill('SIGKILL');
      }
    });
  }

  it('prints the same key and session id for the same seed', async () => {
    const lines: string[][] = [];
    for (let index = 0; index < 2; index++) {
      const run = runCli(['--port=0', '--seed=3']);
      try {
        const { apiKey, sessionId } = await ready(run);
        lines.push([apiKey, sessionId]);
        run.child.kill('SIGTERM');
        expect((await run.exited).code).toBe(0);
      } finally {
        run.child.kill('SIGKILL');
      }
    }
    expect(lines[0]).toEqual(lines[1]);
  });

  for (const [args, flag] of [
    [['--nope'], '--nope'],
    [['--port', 'eighty'], '--port'],
    [['--port', '70000'], '--port'],
    [['--seed', 'x'], '--seed'],
    [['--clock', 'sometimes'], '--clock'],
    [['--journal-limit', 'many'], '--journal-limit'],
    [['--journal-limit', '1.5'], '--journal-limit'],
    [['--port'], '--port'],
    [['extra'], 'extra'],
  ] as const) {
    it.concurrent(`exits 2 and names ${flag} on standard error for ${args.join(' ')}`, async () => {
      const run = runCli([...args]);
      expect(await run.exited).toEqual({ code: 2, signal: null });
      expect(run.stderr()).toContain(flag);
      expect(run.stdout()).toBe('');
    });
  }

  it('prints its usage for --help and exits 0', async () => {
    const run = runCli(['--help']);
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.stdout()).toContain('Usage: aulm-mock');
    expect(run.stdout()).toContain('--clock');
    expect(run.stdout()).toContain('--journal-limit');
  });

  it('keeps the newest --journal-limit requests in its journal, and counts the ones it dropped', async () => {
    const run = runCli(['--port', '0', '--seed', '3', '--journal-limit', '2']);
    try {
      const { url, apiKey } = await ready(run);
      const headers = { authorization: `Bearer ${apiKey}` };
      for (const path of ['/v1/account', '/v1/sessions', '/v1/logs']) {
        expect((await fetch(`${url}${path}`, { headers })).status).toBe(200);
      }
      const journal = await (await fetch(`${url}/__mock/journal`)).json();
      expect(journal).toMatchObject({ limit: 2, dropped: 1 });
      expect(journal.entries.map((entry: { path: string }) => entry.path)).toEqual([
        '/v1/sessions',
        '/v1/logs',
      ]);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});
