// A contract schema as the hot paths run it: through zod's own `compile`, which generates a parser for
// the forward direction (wire to model) and falls back to zod's runtime for anything else, so a refusal
// is always zod's. Compiled once per schema, on first use: compiling every schema at start-up would cost
// the SDK's cold start. The browser and worker builds run zod/mini without generated code (a page's
// Content-Security-Policy may forbid it): there `compile` is the schema itself (src/contract/zod-mini.browser.ts).
import * as z from 'zod/mini';

const compiled = new WeakMap<z.core.$ZodType, z.core.$ZodType>();

/** Returns `schema` compiled by zod, made once and kept beside it. */
export function compiledOf<S extends z.core.$ZodType>(schema: S): S {
  let fast = compiled.get(schema);
  if (fast === undefined) {
    fast = z.compile(schema);
    compiled.set(schema, fast);
  }
  return fast as S;
}
