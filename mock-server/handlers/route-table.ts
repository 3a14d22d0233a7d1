// The routes of the API as one table, compiled once: a request is matched by its method and the segments
// of its path, so that MSW runs one handler for every aulm route and host rather than a path pattern per
// route per host. It matches as MSW's own patterns did: any case, one trailing `/` allowed, parameters
// percent-decoded.
import type { Route } from './context.js';

/** One route: its method, its path (`/v1/messages/:id`), the scope a key needs (or none), and its work. */
export interface ApiRoute {
  readonly method: string;
  readonly path: string;
  readonly scope: string | null;
  readonly run: Route;
}

/** A route found for a request, with its path parameters decoded. */
export interface RouteMatch {
  readonly route: ApiRoute;
  readonly params: Readonly<Record<string, string>>;
}

const routeOf =
  (method: string) =>
  (path: string, scope: string | null, run: Route): ApiRoute => ({ method, path, scope, run });

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

  /** `unknown` answers the paths under `/v1` that no route has (any method), and `/v1` itself. */
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
      const shape = `${route.method} ${segments.length}`;
      const list = this.#byShape.get(shape) ?? [];
      list.push({ route, segments });
      this.#byShape.set(shape, list);
    }
  }

  /**
   * Returns the route of a request to one of the mock's hosts, or `null` for a path outside `/v1` (which
   * the mock leaves alone). A malformed percent escape after `/v1/` throws a `URIError`, as MSW's matching
   * of the path parameters did.
   */
  match(method: string, pathname: string): RouteMatch | null {
    const lower = pathname.toLowerCase();
    if (lower !== '/v1' && lower !== '/v1/' && !lower.startsWith('/v1/')) return null;
    if (lower.length > 4) decodeURIComponent(pathname.slice(4));
    const parts = pathname.split('/').slice(1);
    // One trailing `/` is allowed, as it was in MSW's patterns (`/v1/messages/` is `/v1/messages`).
    if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
    for (const { route, segments } of this.#byShape.get(`${method.toUpperCase()} ${parts.length}`) ?? []) {
      const params = paramsOf(segments, parts);
      if (params) return { route, params };
    }
    return { route: this.#unknown, params: {} };
  }
}

function paramsOf(segments: readonly Segment[], parts: readonly string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    const part = parts[index]!;
    if ('param' in segment) {
      if (part === '') return null;
      params[segment.param] = decodeURIComponent(part);
    } else if (part.toLowerCase() !== segment.literal) {
      return null;
    }
  }
  return params;
}
