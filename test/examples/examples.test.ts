// Every example in examples/ run as a reader runs it: `tsx --tsconfig examples/tsconfig.json`, in its own
// process, importing the built package (dist/, as `npm run demo` does). Each must exit 0, write nothing to
// standard error, and print the lines that show it did its job; the seeded mock makes them exact. The
// folder is listed, so a new example runs here at once (and fails until its lines are added to `proofs`).
// The webhook receivers in examples/webhooks/ are servers, tested in test/webhooks/examples.test.ts.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = `${root}node_modules/tsx/dist/cli.mjs`;
const examples = readdirSync(`${root}examples`)
  .filter((name) => name.endsWith('.ts'))
  .sort();

type Line = string | RegExp;

/** What each example must print (each a whole line of its output), and what it must never print. */
const proofs: Record<string, { prints: Line[]; never?: Line[] }> = {
  'quickstart.ts': {
    prints: [
      'Session ses_3MGL0wm3D2PsfZWTdZdRzKmR is connected as +44 ••••••0555.',
      '  msg_WFkujm60q3pzMRK5H4Jeh6ED  +33 •••••0000  failed    (recipient_not_on_network)  [redacted: 34 chars]',
      '  msg_0hUVlWfcMeyfI65pLG7VWjhN  +44 ••••••0123  read       [redacted: 41 chars]',
      '1 failed. To see a preview on purpose: "This number is not on the network."',
    ],
  },
  'account.ts': {
    prints: [
      'Account acct_4Gakso4vVVHmuOy6wdNjHyGP: Acme Dental <ops@acme.example>, home region eu',
      /^Request req_\w{24}; \d+ of 10000 requests left$/,
      'The client now talks to https://eu.api.aulm.io',
      'Contact email is now privacy@acme.example',
      'Rectification prq_DAohWQC4pWYbCljuKZXVOvco completed: changed name',
      'The account is now named Acme Dental Clinic',
    ],
  },
  'sessions.ts': {
    prints: [
      'Front desk: pairing, code WHQ6T3QD',
      '  enter it on the phone before 2026-01-01T00:05:00.000Z',
      'Front desk: connected as +44 ••••••0555 on android',
      'Five minutes later, Night line is expired.',
      '  ses_3MGL0wm3D2PsfZWTdZdRzKmR  Front desk  connected',
      'Logged out Front desk: disconnected',
      '0 sessions connected',
    ],
  },
  'messages.ts': {
    prints: [
      'Sent msg_0hUVlWfcMeyfI65pLG7VWjhN to +44 ••••••0123: queued, metadata {"appointment":"1042"}',
      'Sent again with the same key: msg_0hUVlWfcMeyfI65pLG7VWjhN, replayed: true',
      'Refused: invalid_phone_number on "to"',
      /^Refused: 409 session_not_connected \(request req_\w{24}\)$/,
      '  msg_0hUVlWfcMeyfI65pLG7VWjhN to +44 ••••••0123 is delivered',
      '  msg_3pP9hKPb2clm3bDHuZQYD9GQ to +33 •••••0000 is failed: recipient_not_on_network (The recipient is not on the network.)',
    ],
  },
  'logs.ts': {
    prints: [
      '  msg_ns8Iftye6FjrwKpnjtjRLZnj  +33 •••••0000  recipient_not_on_network  at 2026-01-02T00:00:00.000Z',
      '  msg_dZ1lZ2L3JO04870BzxHJ3fH0  +33 •••••0000  recipient_not_on_network  at 2026-01-02T00:00:00.000Z',
      '3 January, every page: 6 read, 2 sent, 2 failed',
      'The newest page holds 4 logs; more after it: true',
      'msg_GksoSo1lUtV2cQOIaFfPXZYf to +1 ••••••0142: read at 2026-01-03T00:00:10.000Z',
      '  preview [redacted: 25 chars], revealed on purpose: "Reminder 10 for 3 January"',
    ],
    never: [/recipient_not_on_network {2}at 2026-01-0[13]/], // the filter kept to 2 January
  },
  'webhook-endpoints.ts': {
    prints: [
      'Endpoint whe_QdAo1tpzn7keU0G4iqVJtM1s for message.delivered, message.failed, secret whsec_••••T+U=',
      '  received message.failed for msg_3pP9hKPb2clm3bDHuZQYD9GQ to +33 •••••0000',
      '  received message.delivered for msg_0hUVlWfcMeyfI65pLG7VWjhN to +44 ••••••0123',
      'whd_CM5Llj4dhJlwXcpMYNCddgJ7 (message.delivered) got 503',
      '  received message.delivered for msg_WFkujm60q3pzMRK5H4Jeh6ED to +1 ••••••0142',
      'whd_CM5Llj4dhJlwXcpMYNCddgJ7 succeeded after 2 attempts',
      '  received message.delivered for msg_yY9GKufv8ZJ13YBVuIvJND11 to +44 ••••••0124', // after the rotation
      'Endpoint whe_QdAo1tpzn7keU0G4iqVJtM1s is disabled',
    ],
  },
  'privacy.ts': {
    prints: [
      'Access completed: {"logs":3,"messages":3,"webhookDeliveries":0}',
      'Export completed: 1936 bytes, 3 logs',
      '  msg_0hUVlWfcMeyfI65pLG7VWjhN to +44 ••••••0123: [redacted: 31 chars]',
      '  handed to the person: ["See you soon!","Your code is 4821","Your appointment is on Tuesday."]',
      'Erasure prq_QyJa78GbFkYFiCECZriZhwmb completed: erased {"logs":3,"messages":3,"webhookDeliveries":0}',
      // SHA-256 of "+447700900123"
      "  the request keeps only the number's SHA-256: a8acc3a90a7b4e4dc65e93db9240ed26523050ef754d63b75b5161de76781436",
      'Logs to the person now: 0',
      "  left: msg_yY9GKufv8ZJ13YBVuIvJND11 to +1 ••••••0142, the person's: false",
    ],
    never: [/the person's: true/],
  },
  'privacy-objection.ts': {
    prints: [
      'Objection completed since 2026-01-01T00:00:05.000Z',
      'Restriction completed since 2026-01-01T00:00:05.000Z',
      '  offer to Ana: refused, 403 recipient_objected',
      '  offer to Ben: refused, 403 recipient_restricted',
      "  Ana's earlier preview: null",
      "  Ben's log is listed: false; by id it is still delivered",
      '  objection prq_DAohWQC4pWYbCljuKZXVOvco: lifted',
      '  restriction prq_u6mX8d2osb5tB4mxxvmRPKFK: lifted',
      '  offer to Ana: queued',
      '  offer to Ben: queued',
    ],
  },
  'api-keys.ts': {
    prints: [
      'Created key_QAX9f2x8vEZ2bdkBMcfpQh4F "Nightly export" with logs:read: aulm_test_••••RVkb',
      'The job reads 1 log(s)',
      /^The job cannot send: 403 missing_scope: This API key lacks the scope messages:write\. \(request req_\w{24}\)$/,
      /^The old key is locked out: 401 invalid_api_key: .* aulm_test_••••RVkb \(request req_\w{24}\)$/,
      'The new key reads 1 log(s)',
      '  key_nFDMXqamAPimzGxWdrmLPb8g  aulm_test_GiQr  Nightly export (2026-01)  logs:read',
    ],
    never: [/^ {2}key_QAX9f2x8vEZ2bdkBMcfpQh4F/], // revoked: no longer listed
  },
  'support.ts': {
    prints: [
      'Opened tkt_c6R6dEibV4nokUCH5oF5zXDs (high): open',
      '40 minutes later it is pending:',
      '  2026-01-01T00:40:00.000Z  agent     Sorry about that. Which phone is it paired with?',
      'Solved: tkt_c6R6dEibV4nokUCH5oF5zXDs "Session keeps disconnecting", updated 2026-01-01T02:40:00.000Z',
      '  last word, from the agent: Fixed in the 2.3.1 app update: please update the phone.',
      '  rated 5/5: "Quick and clear."',
    ],
  },
};

function matches(line: Line): (printed: string) => boolean {
  return (printed) => (typeof line === 'string' ? printed === line : line.test(printed));
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

// The user's environment, without aulm's own variables (a key or a log level would change the output).
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AULM_')));

function run(example: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsx, '--tsconfig', 'examples/tsconfig.json', `examples/${example}`],
      { cwd: root, env, timeout: 40_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

beforeAll(() => {
  if (!existsSync(`${root}dist/node/index.js`) || !existsSync(`${root}dist/mock-server/index.js`)) {
    throw new Error('The examples import the built package: run `npm run build` first (`npm test` does).');
  }
});

describe.concurrent('examples/', () => {
  it.for(examples)(
    '%s runs to the end and prints what it promises',
    { timeout: 45_000 },
    async (example, { expect }) => {
      const { code, stdout, stderr } = await run(example);
      expect(stderr).toBe('');
      expect(code).toBe(0);

      const proof = proofs[example];
      expect(proof, `add the lines that examples/${example} must print to \`proofs\``).toBeDefined();
      const lines = stdout.split('\n');
      const missing = (proof?.prints ?? []).filter((line) => !lines.some(matches(line)));
      expect(missing, `lines examples/${example} did not print, out of:\n${stdout}`).toEqual([]);
      for (const line of proof?.never ?? []) expect(lines.filter(matches(line))).toEqual([]);
      // Numbers print masked (`+44 ••••••0123`) wherever an example prints one.
      expect(stdout).not.toMatch(/\+\d{8,15}/);
    },
  );
});

it('has proofs only for examples that exist', ({ expect }) => {
  expect(Object.keys(proofs).filter((name) => !examples.includes(name))).toEqual([]);
});
