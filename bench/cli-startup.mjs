// How long `aulm-mock` takes to start: from spawn to its three lines on standard output (base URL, key,
// session id), and to the first answered request. The goal is under one second. Run `npm run build`
// first, then `npm run bench:startup` (or `node bench/cli-startup.mjs [runs]`).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/mock-server/cli.js', import.meta.url));
const runs = Number(process.argv[2] ?? 10);

function startOnce() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, '--port', '0', '--seed', '1'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let output = '';
    child.on('error', reject);
    child.stdout.on('data', async (chunk) => {
      output += chunk;
      const lines = output.split('\n').filter(Boolean);
      if (lines.length < 3 || child.printed) return;
      child.printed = true;
      const printed = performance.now() - started;
      const [url, key] = lines;
      const response = await fetch(`${url}/v1/account`, { headers: { authorization: `Bearer ${key}` } });
      await response.arrayBuffer();
      const answered = performance.now() - started;
      child.once('exit', (code) =>
        code === 0 ? resolve({ printed, answered }) : reject(new Error(`exit ${code}`)),
      );
      child.kill('SIGTERM');
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = [];
for (let run = 0; run < runs; run++) results.push(await startOnce());
for (const field of ['printed', 'answered']) {
  const values = results.map((result) => result[field]);
  const label = field === 'printed' ? 'three lines printed' : 'first request answered';
  console.log(
    `${label.padEnd(24)} median ${median(values).toFixed(0)} ms, min ${Math.min(...values).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms (${runs} runs)`,
  );
}
