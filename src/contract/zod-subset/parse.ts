// Running a schema of the subset as zod/mini's `safeDecode` and `safeEncode` do: the result, or the
// issues found, each finalised as `error.issues` shows it.
import { type Context, finalized, type Schema } from './schema.js';

type Result = { success: true; data: unknown } | { success: false; error: { issues: unknown[] } };

function run(schema: Schema, value: unknown, context: Context): Result {
  const result = schema.run({ value, issues: [] }, context);
  if (result.issues.length === 0) return { success: true, data: result.value };
  return { success: false, error: { issues: result.issues.map((issue) => finalized(issue, context)) } };
}

type Options = Pick<Context, 'reportInput' | 'error'>;

/** `z.safeDecode(schema, wire, options)`: from the wire form to the model. */
export const safeDecode = (schema: Schema, value: unknown, options: Options = {}): Result =>
  run(schema, value, { reportInput: options.reportInput, error: options.error });

/** `z.safeEncode(schema, model, options)`: from the model to the wire form. */
export const safeEncode = (schema: Schema, value: unknown, options: Options = {}): Result =>
  run(schema, value, { reportInput: options.reportInput, error: options.error, direction: 'backward' });
