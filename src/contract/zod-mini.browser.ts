// zod/mini as the browser and worker builds run it, put in its place by scripts/browser-build.ts: zod
// itself, with no generated code. A page whose Content-Security-Policy forbids `eval` reports every attempt
// at it, even one zod would catch, so `compile` here is the schema itself: the Node build compiles
// (src/contract/compiled.ts), these run zod/mini's parsers as they are, which never evaluate code. zod's
// own `jitless` setting is left alone: it is one for the whole page, the application's zod included.
export * from 'zod/mini';

/** The schema as it is: no generated parser in this build. */
export function compile<T>(schema: T): T {
  return schema;
}
