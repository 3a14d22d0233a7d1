// The reference server's own process for the benchmarks: `startStandalone` from the built dist/, with the
// options its parent (fixture-server.mjs) sends, answering the same IPC questions as the fixture server.
// `module`, when sent, is the file URL of another build's `aulm/mock-server` (a `--baseline` checkout's
// dist/mock-server/index.js, the module its `aulm-mock` command starts), loaded instead of this one's.
let server;
// A parent that goes away (a figure that failed) takes the server with it, rather than leave it listening.
process.on('disconnect', () => process.exit());

process.on('message', async (message) => {
  if (message.type === 'start') {
    const { startStandalone } = await import(message.module ?? 'aulm/mock-server');
    server = await startStandalone(message.options);
    process.send({ type: 'listening', url: server.url, apiKey: server.apiKey, sessionId: server.sessionId });
  } else if (message.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send({ type: 'cpu', micros: user + system });
  } else if (message.type === 'close') {
    await server.close();
    process.disconnect();
  }
});
