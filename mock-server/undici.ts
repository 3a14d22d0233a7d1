// undici as the reference server takes it. In the package this module is dist/vendor/undici.cjs, undici at
// the version the tests ran, which the ESM and the CommonJS builds share (tsup.config.ts).
export { Agent, Dispatcher, errors, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
