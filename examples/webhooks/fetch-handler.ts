// A webhook receiver as a fetch handler (a `Request` in, a `Response` out): a Next.js route handler
// (`app/webhooks/route.ts` exporting `POST`), or the `fetch` of Cloudflare Workers, Deno and Bun.
// `aulm/webhooks` has no client and no `node:` import, so it fits an edge function.
import { verifyWebhook, type WebhookEvent, WebhookVerificationError } from 'aulm/webhooks';

/** Receives a delivery; the secret comes from `AULM_WEBHOOK_SECRET`. */
export async function POST(request: Request): Promise<Response> {
  const secret = process.env.AULM_WEBHOOK_SECRET ?? '';
  let event: WebhookEvent;
  try {
    event = await verifyWebhook(await request.text(), request.headers, { secret });
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    return new Response(error.reason, { status: 400 });
  }
  if (!event.unknown) {
    switch (event.type) {
      case 'message.read':
        console.log(`Message ${event.data.id} read`);
        break;
      case 'session.connected':
        console.log(`Session ${event.data.id} connected`);
        break;
    }
  }
  // Answer fast: hand slow work to a queue (or the platform's `waitUntil`) rather than await it here.
  return new Response(null, { status: 204 });
}

export default { fetch: POST };
