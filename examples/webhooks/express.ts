// A webhook receiver in Express: `express.raw` keeps the body as bytes on this route, because the
// signature covers the bytes (`express.json()` would hand over a parsed object, which cannot be verified).
// Run it with `AULM_WEBHOOK_SECRET=whsec_... npx tsx examples/webhooks/express.ts` (PORT, default 3000).
import { verifyWebhook, type WebhookEvent, WebhookVerificationError } from 'aulm/webhooks';
import express from 'express';

const secret = process.env.AULM_WEBHOOK_SECRET ?? '';

export const app = express();

app.post('/webhooks', express.raw({ type: 'application/json' }), async (request, response) => {
  let event: WebhookEvent;
  try {
    event = await verifyWebhook(request.body, request.headers, { secret });
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    response.status(400).type('text/plain').send(error.reason);
    return;
  }
  response.sendStatus(204); // answer within seconds; slow work belongs after this, or in a queue
  if (event.unknown) return; // a type newer than this SDK: acknowledged, ignored
  switch (event.type) {
    case 'message.delivered':
      console.log(`Message ${event.data.id} delivered to ${event.data.to}`); // the number prints masked
      break;
    case 'session.disconnected':
      console.log(`Session ${event.data.id} disconnected: pair it again`);
      break;
  }
});

export const server = app.listen(Number(process.env.PORT ?? 3000));
