// The routes of the API as one table, compiled once: a request is matched by its method and the segments
// of its path, so that MSW runs one handler for every aulm route and host rather than a path pattern per
// route per host. It matches as MSW's own patterns did: any case, one trailing `/` allowed, parameters
// percent-decoded. Each route says what it reads (its body and its query, by their contract schemas), so
// that every route refuses what it does not define alike, and the table says what a request may be.
import type * as z from 'zod/mini';
import type { Route } from './context.js';

/** A contract schema a route reads its body or its query with. */
export type InputSchema = z.core.$ZodType;

/** What a route reads besides its path: a JSON body and a query, each checked by its contract schema. */
export interface RouteInput {
  /** The schema of the JSON body; without it, the route takes no body field at all. */
  readonly body?: InputSchema;
  /** The schema of the query; without it, the route takes no query parameter at all. */
  readonly query?: InputSchema;
}

/** One route: its method, its path (`/v1/messages/:id`), the scope a key needs (or none), what it reads, its work. */
export interface ApiRoute {
  readonly method: string;
  readonly path: string;
  readonly scope: string | null;
  readonly body: InputSchema | null;
  readonly query: InputSchema | null;
  readonly run: Route<unknown, unknown>;
}

/** A route found for a request, with its path parameters decoded. */
export interface RouteMatch {
  readonly route: ApiRoute;
  readonly params: Readonly<Record<string, string>>;
  /** For a path whose routes do not serve the method: the methods they do serve, for `405` and `allow`. */
  readonly allow?: readonly string[];
  /** Whether no route has the path (`route` is then the table's `unknown`): nothing of the request is read. */
  readonly unknown?: boolean;
}

type OutputOf<S> = S extends InputSchema ? z.output<S> : undefined;

/** Declares a route of one method, with what it reads or without. */
export interface DeclareRoute {
  (path: string, scope: string | null, run: Route<undefined, undefined>): ApiRoute;
  <const I extends RouteInput>(
    path: string,
    scope: string | null,
    input: I,
    run: Route<OutputOf<I['body']>, OutputOf<I['query']>>,
  ): ApiRoute;
}

function routeOf(method: string): DeclareRoute {
  return ((
    path: string,
    scope: string | null,
    ...rest: [Route<never, never>] | [RouteInput, Route<never, never>]
  ) => {
    const [input, run] = rest.length === 1 ? [{}, rest[0]] : rest;
    return { method, path, scope, body: input.body ?? null, query: input.query ?? null, run } as ApiRoute;
  }) as DeclareRoute;
}

/** Declares a route, as `http.get` and the like do in MSW. */
export const get = routeOf('GET');
export const post = routeOf('POST');
export const patch = routeOf('PATCH');
export const del = routeOf('DELETE');

// A segment of a route's path: a literal (lower case) or a named parameter.
type Segment = { literal: string } | { param: string };

interface Compiled {
  readonly route: ApiRoute;
  readonly segments: readonly Segment[];
}

/** The routes under `/v1`, and what answers any other path under it. */
export class RouteTable {
  /** Every route, in the order declared. */
  readonly routes: readonly ApiRoute[];
  readonly #unknown: ApiRoute;
  // By `<METHOD> <number of segments>`, in the order declared: the first that matches answers.
  readonly #byShape = new Map<string, Compiled[]>();
  // By number of segments, whatever the method: what says which methods a path is served for.
  readonly #byLength = new Map<number, Compiled[]>();

  /**
   * `unknown` answers the paths under `/v1` that no route has, and `/v1` itself; a method that the routes
   * of a known path do not serve comes back with it too, and with `allow`.
   */
  constructor(routes: readonly ApiRoute[], unknown: ApiRoute) {
    this.routes = routes;
    this.#unknown = unknown;
    for (const route of routes) {
      const segments = route.path
        .split('/')
        .slice(1)
        .map(
          (part): Segment =>
            part.startsWith(':') ? { param: part.slice(1) } : { literal: part.toLowerCase() },
        );
      const compiled = { route, segments };
      const shape = `${route.method} ${segments.length}`;
      this.#byShape.set(shape, [...(this.#byShape.get(shape) ?? []), compiled]);
      this.#byLength.set(segments.length, [...(this.#byLength.get(segments.length) ?? []), compiled]);
    }
  }

  /**
   * Returns the route of a request to one of the mock's hosts, or `null` for a path outside `/v1` (which
   * the mock leaves alone). A path parameter that cannot be percent-decoded is kept as it was sent: no id
   * has a `%`, so it names an object that does not exist.
   */
  match(method: string, pathname: string): RouteMatch | null {
    const lower = pathname.toLowerCase();
    if (lower !== '/v1' && lower !== '/v1/' && !lower.startsWith('/v1/')) return null;
    const parts = pathname.split('/').slice(1);
    // One trailing `/` is allowed, as it was in MSW's patterns (`/v1/messages/` is `/v1/messages`).
    if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
    for (const { route, segments } of this.#byShape.get(`${method.toUpperCase()} ${parts.length}`) ?? []) {
      const params = paramsOf(segments, parts);
      if (params) return { route, params };
    }
    const allow = this.allowed(parts);
    return allow.length > 0
      ? { route: this.#unknown, params: {}, allow }
      : { route: this.#unknown, params: {}, unknown: true };
  }

  /** The methods that the routes of a path (its segments after the first `/`) serve, in the table's order. */
  allowed(parts: readonly string[]): string[] {
    const methods = new Set<string>();
    for (const { route, segments } of this.#byLength.get(parts.length) ?? []) {
      if (paramsOf(segments, parts)) methods.add(route.method);
    }
    return [...methods];
  }
}

function paramsOf(segments: readonly Segment[], parts: readonly string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    const part = parts[index]!;
    if ('param' in segment) {
      if (part === '') return null;
      params[segment.param] = decoded(part);
    } else if (part.toLowerCase() !== segment.literal) {
      return null;
    }
  }
  return params;
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
