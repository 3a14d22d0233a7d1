// The one MSW request handler of a mock: every route on every host it answers. MSW runs each handler in
// its list on every request (it builds a URL, parses cookies and compiles a path pattern for each), so a
// handler per route per host made matching the largest cost of a request; here MSW runs one, and the
// route table finds the route. It goes through MSW all the same (`setupServer`, `setupWorker`,
// `getResponse`), so that every way in answers alike.
import { RequestHandler } from 'msw';
import type { HandlerContext } from './context.js';
import { urlOf } from './handover.js';
import type { ApiRoute, RouteMatch, RouteTable } from './route-table.js';

/** What the handler says of itself: the hosts, and every route (the catch-all 404 of `/v1` is not one). */
export interface AulmHandlerInfo {
  header: string;
  readonly hosts: readonly string[];
  readonly routes: ReadonlyArray<{
    readonly method: string;
    readonly path: string;
    readonly scope: string | null;
  }>;
}

/** A request the handler answers: its URL, read once, and its route. */
interface Parsed extends Record<string, unknown> {
  readonly url: URL;
  readonly match: RouteMatch;
}

type ExecutionResult = Awaited<ReturnType<RequestHandler['run']>>;

/** The MSW handler of every aulm route, on every base URL of the context. */
export class AulmHandler extends RequestHandler<AulmHandlerInfo, Parsed | undefined, Parsed> {
  readonly #context: HandlerContext;
  readonly #table: RouteTable;
  readonly #bases: ReadonlySet<string>;

  constructor(context: HandlerContext, table: RouteTable) {
    super({
      info: {
        header: `aulm reference server (${context.bases.join(', ')})`,
        hosts: context.bases,
        routes: table.routes.map(({ method, path, scope }) => ({ method, path, scope })),
      },
      resolver: ({ request, url, match }) => context.serve(request, url, match),
    });
    this.#context = context;
    this.#table = table;
    this.#bases = new Set(context.bases);
  }

  /** Returns `text` without any number a privacy request erased, in any account. */
  redact(text: string): string {
    return this.#context.service.privacy.erasure.redact(text);
  }

  /** Every route the handler serves, with what each reads: the route table's. */
  get routes(): readonly ApiRoute[] {
    return this.#table.routes;
  }

  /** Finds the route of a request to one of the mock's hosts under `/v1`; anything else is not the mock's. */
  override async parse(args: { request: Request }): Promise<Parsed | undefined> {
    return this.#parse(args.request);
  }

  // Without a promise of its own: `run` calls it on every request.
  #parse(request: Request): Parsed | undefined {
    const url = urlOf(request);
    if (!this.#bases.has(url.origin)) return undefined;
    const match = this.#table.match(request.method, url.pathname);
    return match === null ? undefined : { url, match };
  }

  predicate(args: { parsedResult: Parsed | undefined }): boolean {
    return args.parsedResult !== undefined;
  }

  protected override extendResolverArgs(args: { parsedResult: Parsed | undefined }): Parsed {
    return args.parsedResult!;
  }

  /**
   * Answers through the route, as MSW's own `run` would through the resolver, without what this handler
   * never uses and every request paid for: a clone of the request (its body teed) kept for logging, the
   * `once` and generator machinery, and clean-ups. MSW's own logging clones the request itself.
   */
  override async run(args: { request: Request; requestId: string }): Promise<ExecutionResult> {
    const parsedResult = this.#parse(args.request);
    if (parsedResult === undefined) return null;
    this.isUsed = true;
    const response = await this.#context.serve(args.request, parsedResult.url, parsedResult.match);
    return { handler: this, request: args.request, requestId: args.requestId, response, parsedResult };
  }

  /**
   * Answers a request that reaches the mock without a `Request` to carry it, for its method: one fetch
   * forbids (CONNECT, TRACE, TRACK), or one node:http cannot read. On a path of the mock's it is answered
   * as the API answers a method a path does not take (`405` with `allow`, or `404` for a path it does not
   * have), journaled like any other; `undefined` for another host or path.
   */
  answerWithoutRequest(method: string, url: URL, authorization: string | null): Response | undefined {
    if (!this.#bases.has(url.origin)) return undefined;
    const match = this.#table.match(method, url.pathname);
    return match === null
      ? undefined
      : this.#context.refuseMethod(method, url, match.allow ?? [], authorization);
  }

  /** Prints an answered request in the browser's console, as MSW's `http` handlers do. */
  log(args: { request: Request; response: Response }): void {
    const { request, response } = args;
    const time = new Date().toTimeString().slice(0, 8);
    console.groupCollapsed(
      `[MSW] ${time} ${request.method} ${request.url} (${response.status} ${response.statusText})`,
    );
    console.log('Request', request);
    console.log('Handler:', this);
    console.log('Response', response);
    console.groupEnd();
  }
}

/**
 * Returns the answer of the mock's handler among `handlers` to a request that MSW cannot be handed for its
 * method (see `AulmHandler.answerWithoutRequest`), with the value of its Authorization header; `undefined`
 * when none answers it.
 */
export function answerBareMethod(
  handlers: readonly RequestHandler[],
  method: string,
  url: URL,
  authorization: string | null,
): Response | undefined {
  for (const handler of handlers) {
    if (!(handler instanceof AulmHandler)) continue;
    const answer = handler.answerWithoutRequest(method, url, authorization);
    if (answer !== undefined) return answer;
  }
  return undefined;
}

/**
 * Returns what takes the numbers erased by privacy requests (in any account) out of a text, for answers
 * made outside the routes (the control routes, the standalone's own refusals): the mock's handler's among
 * `handlers`, or the text as it is without one.
 */
export function redactorOf(handlers: readonly RequestHandler[]): (text: string) => string {
  const handler = handlers.find((each) => each instanceof AulmHandler) as AulmHandler | undefined;
  return handler ? (text) => handler.redact(text) : (text) => text;
}
