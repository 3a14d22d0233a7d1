// The builders of the subset that run code of the contract's own: refinements, custom schemas, pipes and
// codecs, in the order zod/v4/core runs them, so that a check or a transform sees what it would under zod.
import { type Check, make, messageOf, type Params, type Payload, type Schema } from './schema.js';

/** A refinement: the value passes when `check` says so (`z.refine`; `z.custom` stops what follows). */
export function refinement(check: (value: unknown) => unknown, params?: Params, abort = false): Check {
  const given = typeof params === 'object' ? params : undefined;
  const error = messageOf(params);
  return {
    kind: 'custom',
    error,
    run(payload) {
      if (check(payload.value)) return;
      payload.issues.push({
        code: 'custom',
        input: payload.value,
        path: [...(given?.path ?? [])],
        continue: !abort,
        ...(given?.params ? { params: given.params } : {}),
        error,
      });
    },
  };
}

/** `z.custom(check?, params)`: any value `check` accepts (any value at all without one). */
export function custom(check: (value: unknown) => unknown = () => true, params?: Params): Schema {
  const schema = make((payload) => payload, params);
  schema.checks = [refinement(check, params, true)];
  return schema;
}

/** `z.pipe(in, out)`: the value through one, then the other (backwards when encoding). */
export const pipe = (first: Schema, second: Schema) =>
  make(
    (payload, context) => {
      const [from, to] = context.direction === 'backward' ? [second, first] : [first, second];
      const left = from.run(payload, context);
      if (left.issues.some((issue) => issue.code !== 'unrecognized_keys')) {
        left.aborted = true;
        return left;
      }
      return to.run({ value: left.value, issues: left.issues }, context);
    },
    undefined,
    { optin: first.optin, optout: second.optout, values: first.values, propValues: first.propValues },
  );

/** `z.codec(wire, model, { decode, encode })`. */
export function codec(
  wire: Schema,
  model: Schema,
  transforms: {
    decode: (value: never, payload: Payload) => unknown;
    encode: (value: never, payload: Payload) => unknown;
  },
): Schema {
  return make(
    (payload, context) => {
      const backward = context.direction === 'backward';
      const result = (backward ? model : wire).run(payload, context);
      if (result.issues.length) {
        result.aborted = true;
        return result;
      }
      const value = (backward ? transforms.encode : transforms.decode)(result.value as never, result);
      if (result.issues.length) {
        result.aborted = true;
        return result;
      }
      return (backward ? wire : model).run({ value, issues: result.issues }, context);
    },
    undefined,
    { optin: wire.optin, optout: model.optout, values: wire.values, propValues: wire.propValues },
  );
}
