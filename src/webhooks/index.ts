// The `aulm/webhooks` entry point: webhook verification and test signing, without the client.
// Empty for now: verifyWebhook, verifyWebhookSignature and signWebhook arrive with the webhooks issue.
export {};
