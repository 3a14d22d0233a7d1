// Request paths with ids in them: `path\`/v1/messages/${id}\`` checks each id and URL-encodes it when
// the request is made, so a bad id rejects the call's promise like any other bad parameter.
import { UnprocessableEntityError } from './errors.js';

/** A request path whose ids are checked and encoded when the request is made. */
export class RequestPath {
  readonly #strings: readonly string[];
  readonly #ids: readonly unknown[];

  constructor(strings: readonly string[], ids: readonly unknown[]) {
    this.#strings = strings;
    this.#ids = ids;
  }

  /** Returns the path with every id encoded; throws `UnprocessableEntityError` (param `id`) for an empty one. */
  resolve(): string {
    return this.#strings.reduce((path, text, index) => {
      if (index === 0) return text;
      const id = this.#ids[index - 1];
      if (typeof id !== 'string' || id.trim() === '') {
        throw new UnprocessableEntityError({
          status: 422,
          type: 'invalid_request_error',
          code: id === undefined ? 'parameter_missing' : 'parameter_invalid',
          param: 'id',
          message: `The id must be a non-empty string, got ${id === '' ? 'an empty string' : typeof id}.`,
          requestId: null,
          headers: new Headers(),
        });
      }
      return `${path}${encodeURIComponent(id)}${text}`;
    }, '');
  }
}

/**
 * Builds a `RequestPath` from a template literal.
 *
 * @example
 * ```ts
 * path`/v1/messages/${id}`.resolve(); // '/v1/messages/msg_123'
 * ```
 */
export function path(strings: TemplateStringsArray, ...ids: unknown[]): RequestPath {
  return new RequestPath(strings, ids);
}
