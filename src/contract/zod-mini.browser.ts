// zod/mini as the browser and worker builds run it, put in its place by scripts/browser-build.ts: zod
// itself, without generated code. A page whose Content-Security-Policy forbids `eval` reports every
// attempt at it, even one zod catches, so zod is told before any schema is made (`jitless`, which this
// module sets as it loads, ahead of the contract's modules that import it), and `compile` is the schema
// itself: the Node build compiles (src/contract/compiled.ts), the others run zod's parsers as they are.
import { config } from 'zod/mini';

config({ jitless: true });

export * from 'zod/mini';

/** The schema as it is: no generated parser in this build. */
export function compile<T>(schema: T): T {
  return schema;
}
