// The standalone reference server in a process of its own, for `journal-soak.test.ts`, so that the heap it
// reports is the server's alone: started with `--expose-gc` from the sources (through tsx), it answers
// its parent over IPC: `start` (with the options of `startStandalone`) and `heap` (the heap used after a
// full garbage collection). It exits with its parent, or when killed.
import { type StandaloneOptions, startStandalone } from '../../mock-server/index.js';

/** What the parent asks. */
export type SoakQuestion = { type: 'start'; options: StandaloneOptions } | { type: 'heap' };

/** What the server answers. */
export type SoakAnswer =
  | { type: 'listening'; url: string; apiKey: string; sessionId: string }
  | { type: 'heap'; heapUsed: number };

const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('soak-server.ts needs --expose-gc');

const answer = (message: SoakAnswer) => process.send?.(message);

// A parent that goes away (a test that failed or timed out) takes the server with it.
process.on('disconnect', () => process.exit());

process.on('message', async (question: SoakQuestion) => {
  if (question.type === 'start') {
    const server = await startStandalone(question.options);
    answer({ type: 'listening', url: server.url, apiKey: server.apiKey, sessionId: server.sessionId });
  } else {
    // Twice, a turn apart, so that what the first collection's finalizers let go is collected too.
    collect();
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    answer({ type: 'heap', heapUsed: process.memoryUsage().heapUsed });
  }
});
