// The attempt's deadline for a transport that keeps none itself (fetch): an AbortController for its
// signal, and a race against a timer, which makes an abort or a timeout final even when a custom `fetch`
// ignores its signal. undici's transport keeps its own, cheaper.
import {
  DeadlineExceeded,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from './transport.js';

/** The `sendWithin` of `transport`: its own, or `send` raced against the deadline and the signal. */
export function sendWithinOf(transport: Transport): Required<Transport>['sendWithin'] {
  return (
    transport.sendWithin?.bind(transport) ??
    ((request, timeout, signal) => race(transport, request, timeout, signal))
  );
}

function race(
  transport: Transport,
  request: Omit<TransportRequest, 'signal'>,
  timeout: number,
  signal: AbortSignal | undefined,
): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    const controller = new AbortController();
    const stop = (reason: unknown) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(reason);
    };
    const onAbort = () => {
      controller.abort(signal?.reason);
      stop(signal?.reason);
    };
    const timer = setTimeout(() => {
      controller.abort();
      stop(new DeadlineExceeded(timeout));
    }, timeout);
    signal?.addEventListener('abort', onAbort, { once: true });
    let sending: Promise<TransportResponse>;
    try {
      sending = transport.send({ ...request, signal: controller.signal });
    } catch (error) {
      return stop(error);
    }
    sending.then((response) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(response);
    }, stop);
  });
}
