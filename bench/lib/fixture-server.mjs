// Starts a server in a child process and talks to it over IPC: its URL, the CPU time it has used (to tell
// whether a run was bound by the server rather than the client), and close. Two kinds: the fixture server
// (fixture-process.mjs, node:http answering fixed bytes) and the reference server (reference-process.mjs).
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

async function forkServer(name, init) {
  const script = fileURLToPath(new URL(`./${name}`, import.meta.url));
  const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.send(init);
  // A server that dies before it listens (a port in use) fails the figure rather than leaving it waiting.
  const ready = await new Promise((resolve, reject) => {
    const exited = (code) => reject(new Error(`${name} exited (code ${code}) before it was listening`));
    child.once('exit', exited);
    child.once('message', (message) => {
      child.off('exit', exited);
      resolve(message);
    });
  });
  if (ready.type !== 'listening') throw new Error(`${name} did not start: ${JSON.stringify(ready)}`);
  return {
    ...ready,
    /** The CPU time the server has used so far, in seconds. */
    async cpuSeconds() {
      child.send({ type: 'cpu' });
      const [reply] = await once(child, 'message');
      return reply.micros / 1e6;
    },
    async close() {
      child.send({ type: 'close' });
      await once(child, 'exit');
    },
  };
}

/**
 * Starts a node:http server answering `answers` (`{ 'POST /v1/messages': { status, headers, body } }`,
 * body a string or bytes) and, with `logs: { pages, perPage, headers }`, `GET /v1/logs` pages by cursor;
 * with `throughMsw`, each answer goes through MSW's `getResponse` first (fixture-process.mjs).
 */
export function startFixture({ answers = {}, logs, throughMsw = false } = {}) {
  const encoded = Object.fromEntries(
    Object.entries(answers).map(([route, answer]) => [
      route,
      { ...answer, body: Buffer.from(answer.body).toString('base64') },
    ]),
  );
  return forkServer('fixture-process.mjs', { type: 'answers', answers: encoded, logs, throughMsw });
}

/**
 * Starts the reference server (`startStandalone` from dist/, or from the module at the file URL `module`:
 * another build's) with `options`; resolves with url, apiKey, sessionId.
 */
export function startReferenceServer(options, { module } = {}) {
  return forkServer('reference-process.mjs', { type: 'start', options, ...(module ? { module } : {}) });
}

/** Measures `run()` (which resolves with seconds of wall time) and the server's CPU share meanwhile. */
export async function withServerLoad(server, run) {
  const before = await server.cpuSeconds();
  const seconds = await run();
  const used = (await server.cpuSeconds()) - before;
  return { seconds, serverLoad: used / seconds };
}
