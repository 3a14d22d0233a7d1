// `aulm-mock`: the standalone reference server as a command. Standard output carries exactly three lines
// (the base URL, a test key, a connected session id) so that any language can read them; everything else
// goes to standard error. SIGINT and SIGTERM close the server and exit 0; a bad flag exits 2.
import { parseArgs } from 'node:util';
import { peerDependencies } from '../package.json';
import type { StandaloneOptions, StandaloneServer } from './standalone.js';

// The msw the package pins (read from package.json at build time): the one the tests ran.
const MSW = peerDependencies.msw;

const USAGE = `Usage: aulm-mock [--port 4010] [--host 127.0.0.1] [--seed N] [--clock real|manual]
                 [--journal-limit 10000]

Serves the aulm reference server over HTTP and prints three lines: the base URL, a test API key and the
id of a connected session. Stop it with Ctrl-C (SIGINT) or SIGTERM.

Options:
  --port <n>       TCP port to listen on (default 4010; 0 picks a free port)
  --host <addr>    interface to listen on (default 127.0.0.1)
  --seed <n>       deterministic ids, keys and start time (2026-01-01T00:00:00.000Z)
  --clock <mode>   real (default): time passes; manual: only POST /__mock/clock/advance moves it
  --journal-limit <n>
                   requests the journal keeps, the newest (default 10000; 0 keeps none); it counts
                   the ones it drops, so memory stays bounded under load
  -h, --help       show this help

Control routes: GET /__mock/health, POST /__mock/clock/advance {"ms":1000}, POST /__mock/faults,
DELETE /__mock/faults, POST /__mock/accounts, POST /__mock/sessions/{id}/connect, POST /__mock/reset,
GET /__mock/journal ({"limit": 10000, "dropped": 0, "entries": [...]}).
`;

/** A command line that cannot be run: the message names the flag. */
class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Reads the command line into the server's options, or `'help'`; throws a `UsageError` naming a bad flag. */
function readArguments(args: string[]): StandaloneOptions | 'help' {
  let values: {
    port?: string;
    host?: string;
    seed?: string;
    clock?: string;
    'journal-limit'?: string;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        clock: { type: 'string' },
        'journal-limit': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const options: StandaloneOptions = { port: 4010, host: values.host ?? '127.0.0.1' };
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!(/^\d+$/.test(values.port) && port <= 65_535)) {
      throw new UsageError(`--port must be a whole number from 0 to 65535, not '${values.port}'`);
    }
    options.port = port;
  }
  if (values.host === '') throw new UsageError('--host must not be empty');
  if (values.seed !== undefined) {
    if (!/^-?\d+$/.test(values.seed)) {
      throw new UsageError(`--seed must be a whole number, not '${values.seed}'`);
    }
    options.seed = Number(values.seed);
  }
  if (values.clock !== undefined) {
    if (values.clock !== 'real' && values.clock !== 'manual') {
      throw new UsageError(`--clock must be real or manual, not '${values.clock}'`);
    }
    options.clock = values.clock;
  }
  const journalLimit = values['journal-limit'];
  if (journalLimit !== undefined) {
    if (!(/^\d+$/.test(journalLimit) && Number.isSafeInteger(Number(journalLimit)))) {
      throw new UsageError(`--journal-limit must be a whole number, 0 or more, not '${journalLimit}'`);
    }
    options.journal = { limit: Number(journalLimit) };
  }
  return options;
}

async function main(args: string[]): Promise<void> {
  let options: StandaloneOptions | 'help';
  try {
    options = readArguments(args);
  } catch (error) {
    process.stderr.write(`aulm-mock: ${(error as Error).message}\nRun aulm-mock --help for the options.\n`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  // A reader that goes away must not crash the server with EPIPE.
  process.stdout.on('error', () => {});

  let startStandalone: (options: StandaloneOptions) => Promise<StandaloneServer>;
  try {
    // Loaded only now, so that --help and a bad flag answer without loading the server; the build keeps
    // this import as it is, so the bin loads the package's own `aulm/mock-server` and its msw.
    ({ startStandalone } = await import('./index.js'));
  } catch (error) {
    const missing = /Cannot find (?:package|module) '([^']+)'/.exec((error as Error).message)?.[1];
    process.stderr.write(
      missing
        ? `aulm-mock: the package ${missing} is missing. The reference server needs msw ${MSW} beside aulm: npm install --save-dev aulm msw@${MSW}\n`
        : `aulm-mock: could not load the reference server: ${(error as Error).message}\n`,
    );
    process.exitCode = 1;
    return;
  }
  let server: StandaloneServer;
  try {
    server = await startStandalone(options);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? ' (the port is in use)' : '';
    process.stderr.write(`aulm-mock: could not start${reason}: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }

  let stopping = false;
  const shutDown = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`aulm-mock: ${signal} again, exiting without waiting\n`);
      process.exit(1);
    }
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`aulm-mock: closing failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutDown);
  process.on('SIGTERM', shutDown);

  process.stdout.write(`${server.url}\n${server.apiKey}\n${server.sessionId}\n`);
  process.stderr.write(
    `aulm-mock: listening on ${server.url} (${options.clock ?? 'real'} clock${options.seed === undefined ? '' : `, seed ${options.seed}`}); control routes under ${server.url}/__mock/\n`,
  );
}

await main(process.argv.slice(2));
