// A webhook receiver on plain node:http: read the raw body, verify it, answer 200 at once, then act.
// Run it with `AULM_WEBHOOK_SECRET=whsec_... npx tsx examples/webhooks/node-http.ts` (PORT, default 3000).
import { createServer, type IncomingMessage } from 'node:http';
import { verifyWebhook, type WebhookEvent, WebhookVerificationError } from 'aulm/webhooks';

const secret = process.env.AULM_WEBHOOK_SECRET ?? '';

async function rawBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function handle(event: WebhookEvent): void {
  if (event.unknown) return; // a type newer than this SDK: acknowledged, ignored
  switch (event.type) {
    case 'message.delivered':
      console.log(`Message ${event.data.id} delivered to ${event.data.to}`); // the number prints masked
      break;
    case 'message.failed':
      console.log(`Message ${event.data.id} failed: ${event.data.error?.code}`);
      break;
    case 'session.disconnected':
      console.log(`Session ${event.data.id} disconnected: pair it again`);
      break;
  }
}

export const server = createServer(async (request, response) => {
  if (request.method !== 'POST' || request.url !== '/webhooks') return response.writeHead(404).end();
  let event: WebhookEvent;
  try {
    event = await verifyWebhook(await rawBody(request), request.headers, { secret });
  } catch (error) {
    const refused = error instanceof WebhookVerificationError;
    if (!refused) console.error(error);
    return response.writeHead(refused ? 400 : 500).end(refused ? error.reason : undefined);
  }
  response.writeHead(204).end(); // answer within seconds; slow work belongs after this, or in a queue
  handle(event);
});

server.listen(Number(process.env.PORT ?? 3000));
