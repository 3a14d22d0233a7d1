// The standalone server's control routes under `/__mock/`: what a test in another process does to the mock
// that an in-process test does through the handle (move the clock, inject faults, make accounts, pair
// sessions, play the support agent, read the journal and the webhook deliveries, reset). JSON in and
// out, snake_case, errors in the API's envelope.
import { randomBytes } from 'node:crypto';
import { HttpResponse, type HttpResponseResolver, http, type RequestHandler } from 'msw';
import * as z from 'zod/mini';
import {
  Account,
  Device,
  Region,
  Session,
  SupportTicket,
  snakeCase,
  WebhookDelivery,
  wireModel,
} from '../src/contract/index.js';
import { durationMs } from './clock.js';
import { type FaultHandle, type FaultRule, RULE_FIELDS } from './faults.js';
import { redactorOf } from './handlers/aulm-handler.js';
import { errorResponse, readBody } from './handlers/context.js';
import {
  type ConnectOptions,
  type CreateAccountParams,
  ServiceError,
  type SolveOptions,
} from './service/index.js';
import type { StandaloneState } from './standalone.js';

/** The body of `POST /__mock/clock/advance`: `{"ms": 5000}` or `{"duration": "5m"}`. */
interface AdvanceBody {
  /** Milliseconds to move the clock on. */
  ms?: number | undefined;
  /** Or a duration, like `5m`. */
  duration?: string | undefined;
}
const AdvanceBody = wireModel<AdvanceBody>()(
  { ms: z.optional(z.number()), duration: z.optional(z.string()) },
  { strict: true },
);

/** The body of `POST /__mock/faults`: a fault rule, snake_case. */
const FaultBody = wireModel<FaultRule>()(
  {
    method: z.optional(z.string()),
    path: z.string(),
    status: z.optional(z.number()),
    retryAfter: z.optional(z.number()),
    delay: z.optional(z.number()),
    network: z.optional(z.enum(['reset', 'lost_response'])),
    times: z.optional(z.number()),
    probability: z.optional(z.number()),
  },
  { strict: true },
);

/** The body of `POST /__mock/accounts`. */
const AccountBody = wireModel<CreateAccountParams>()(
  {
    region: z.optional(Region),
    name: z.optional(z.string()),
    email: z.optional(z.string()),
    country: z.optional(z.string()),
  },
  { strict: true },
);

/** The body of `POST /__mock/sessions/{id}/connect`. */
const ConnectBody = wireModel<ConnectOptions>()(
  { phoneNumber: z.optional(z.string()), device: z.optional(Device) },
  { strict: true },
);

/** The body of `POST /__mock/support/tickets/{id}/solve`: the agent's last message, if any. */
const SolveBody = wireModel<SolveOptions>()(
  { reply: z.optional(z.string().check(z.minLength(1))) },
  { strict: true },
);

/** The body of `POST /__mock/support/tickets/{id}/reply`: the agent's message. */
interface AgentReplyBody {
  /** The agent's message. */
  body: string;
}
const AgentReplyBody = wireModel<AgentReplyBody>()(
  { body: z.string().check(z.minLength(1)) },
  { strict: true },
);

interface ControlReply {
  readonly status: number;
  /** The JSON body; `undefined` answers `204` with none. */
  readonly body?: unknown;
}

type ControlRoute = (input: {
  request: Request;
  params: Record<string, string>;
}) => ControlReply | Promise<ControlReply>;

/** Returns the MSW handlers of the control routes, on the standalone server's base URL. */
export function controlHandlers(base: string, state: StandaloneState): RequestHandler[] {
  const { mock } = state;
  const route = routeOf(redactorOf(mock.handlers));
  const at = (path: string) => `${base}/__mock${path}`;
  return [
    // HEAD too: tools that wait for a port to answer often send it.
    ...[http.get, http.head].map((method) =>
      method(
        at('/health'),
        route(() => ({ status: 200, body: { status: 'ok' } })),
      ),
    ),
    http.get(
      at('/clock'),
      route(() => ({ status: 200, body: { now: mock.clock.now().toISOString() } })),
    ),
    http.post(
      at('/clock/advance'),
      route(async ({ request }) => {
        await mock.clock.advance(advanceMs(await readBody(request, AdvanceBody)));
        return { status: 200, body: { now: mock.clock.now().toISOString() } };
      }),
    ),
    http.get(
      at('/faults'),
      route(() => ({ status: 200, body: mock.faults.list().map(faultWire) })),
    ),
    http.post(
      at('/faults'),
      route(async ({ request }) => {
        const rule = withoutUndefined(await readBody(request, FaultBody)) as FaultRule;
        return { status: 201, body: faultWire(inject(state, rule)) };
      }),
    ),
    http.delete(
      at('/faults'),
      route(() => {
        mock.faults.clear();
        return { status: 204 };
      }),
    ),
    http.delete(
      at('/faults/:id'),
      route(({ params }) => {
        const fault = mock.faults.list().find((candidate) => candidate.id === params.id);
        if (!fault) throw new ServiceError(404, 'resource_not_found', `No such fault: ${params.id}`, 'id');
        fault.remove();
        return { status: 204 };
      }),
    ),
    http.post(
      at('/accounts'),
      route(async ({ request }) => {
        const params = withoutUndefined(await readBody(request, AccountBody));
        const { account, apiKey } = mock.accounts.create(params);
        return { status: 201, body: { account: z.encode(Account, account), api_key: apiKey } };
      }),
    ),
    http.post(
      at('/sessions/:id/connect'),
      route(async ({ request, params }) => {
        const options = withoutUndefined(await readBody(request, ConnectBody));
        return { status: 200, body: z.encode(Session, mock.sessions.connect(params.id!, options)) };
      }),
    ),
    http.post(
      at('/sessions/:id/disconnect'),
      route(async ({ params }) => ({
        status: 200,
        body: z.encode(Session, mock.sessions.disconnect(params.id!)),
      })),
    ),
    http.post(
      at('/support/tickets/:id/solve'),
      route(async ({ request, params }) => {
        const options = withoutUndefined(await readBody(request, SolveBody));
        return { status: 200, body: z.encode(SupportTicket, mock.support.solve(params.id!, options)) };
      }),
    ),
    http.post(
      at('/support/tickets/:id/reply'),
      route(async ({ request, params }) => {
        const { body } = await readBody(request, AgentReplyBody);
        return { status: 200, body: z.encode(SupportTicket, mock.support.reply(params.id!, body)) };
      }),
    ),
    http.get(
      at('/journal'),
      route(() => ({
        status: 200,
        body: {
          limit: mock.journalLimit,
          dropped: mock.journalDropped,
          entries: mock.journal.map(snakeCased),
        },
      })),
    ),
    http.get(
      at('/webhooks/deliveries'),
      route(() => ({ status: 200, body: { deliveries: deliveriesWire(state) } })),
    ),
    http.post(
      at('/webhooks/flush'),
      route(async () => {
        await mock.webhooks.flush();
        return { status: 200, body: { deliveries: deliveriesWire(state) } };
      }),
    ),
    http.post(
      at('/reset'),
      route(() => {
        mock.reset();
        mock.faults.clear();
        Object.assign(state, mock.quickstart());
        return {
          status: 200,
          body: { api_key: state.apiKey, session_id: state.sessionId, account_id: state.accountId },
        };
      }),
    ),
  ];
}

// Every control route answers with a request id, and every refusal in the API's error envelope, without
// any number a privacy request erased (`redact`).
const routeOf =
  (redact: (text: string) => string) =>
  (run: ControlRoute): HttpResponseResolver =>
  async ({ request, params }) => {
    const id = requestId();
    const headers = new Headers({ 'aulm-request-id': id });
    try {
      const names = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));
      const { status, body } = await run({ request, params: names });
      if (body === undefined) return new HttpResponse(null, { status: 204, headers });
      return HttpResponse.json(body as never, { status, headers });
    } catch (error) {
      return errorResponse(error, id, headers, redact);
    }
  };

function advanceMs(body: AdvanceBody): number {
  if (body.ms !== undefined && body.duration !== undefined) {
    throw new ServiceError(422, 'parameter_invalid', 'Give ms or duration, not both.', 'duration');
  }
  if (body.ms === undefined && body.duration === undefined) {
    throw new ServiceError(
      422,
      'parameter_missing',
      'Missing required parameter: ms (or duration, like "5m").',
      'ms',
    );
  }
  const param = body.ms === undefined ? 'duration' : 'ms';
  try {
    return durationMs((body.ms ?? body.duration) as never);
  } catch {
    const expected =
      param === 'ms' ? 'a number of milliseconds, 0 or more' : 'a duration like 500ms, 10s, 5m, 2h or 1d';
    throw new ServiceError(422, 'parameter_invalid', `Invalid ${param}: must be ${expected}.`, param);
  }
}

// The fault API refuses a bad rule with a TypeError whose message starts with the field's name; here it
// becomes a 422 naming the field by its wire name.
function inject(state: StandaloneState, rule: FaultRule): FaultHandle {
  try {
    return state.mock.faults.inject(rule);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const first = /^\w+/.exec(error.message)?.[0] ?? '';
    if (!RULE_FIELDS.has(first)) throw new ServiceError(422, 'parameter_invalid', error.message);
    const param = snakeCase(first);
    throw new ServiceError(422, 'parameter_invalid', `${param}${error.message.slice(first.length)}`, param);
  }
}

// Every delivery of every account, oldest first, as the API shows one.
function deliveriesWire(state: StandaloneState): unknown[] {
  return state.mock.webhooks.deliveries.map((delivery) => z.encode(WebhookDelivery, delivery));
}

function faultWire(fault: FaultHandle): Record<string, unknown> {
  return { id: fault.id, object: 'fault', ...snakeCased(fault.rule) };
}

// One of the control routes' own objects (the journal, a fault's rule), which no contract schema describes,
// in the form of the wire: snake_case keys and ISO timestamps.
function snakeCased(value: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .map(([name, field]) => [snakeCase(name), field instanceof Date ? field.toISOString() : field]),
  );
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A request id for an answer that the handlers did not give (a control route, an unknown path). It comes
 * from the platform's randomness, not the mock's, so that a seeded script's ids stay the same however
 * many control calls it makes.
 */
export function requestId(): string {
  return `req_${Array.from(randomBytes(24), (byte) => BASE62[byte % 62]).join('')}`;
}
