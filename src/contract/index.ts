// The wire contract of the aulm API, shared by the SDK and the reference server.
export * from './account.js';
export * from './api-keys.js';
export * from './codec.js';
export { modelOf } from './convert.js';
export * from './errors.js';
export * from './events.js';
export * from './ids.js';
export * from './list.js';
export * from './logs.js';
export * from './messages.js';
export * from './metadata.js';
export * from './personal.js';
export * from './privacy.js';
export * from './privacy-export.js';
export * from './privacy-results.js';
export * from './sessions.js';
export * from './support.js';
export * from './webhooks.js';
