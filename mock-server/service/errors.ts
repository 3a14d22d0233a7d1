// The service's one error: a refusal in the API's own terms (status, code, message, param), which the
// handlers turn into the error envelope. The service raises it; it knows nothing of HTTP beyond the number.

/** A request the service refuses, as the API reports it: `404 resource_not_found`, `409 ...`. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';

  constructor(
    /** The HTTP status the API answers with. */
    readonly status: number,
    /** The machine-readable code (`resource_not_found`, `session_not_connected`). */
    readonly code: string,
    message: string,
    /** The parameter that was wrong, by its wire name, if one was. */
    readonly param: string | null = null,
  ) {
    super(message);
  }
}

/** Returns the `404 resource_not_found` for an object that does not exist, or is another account's. */
export function notFound(what: string, id: string, param: string | null = null): ServiceError {
  return new ServiceError(404, 'resource_not_found', `No such ${what}: ${id}`, param);
}
