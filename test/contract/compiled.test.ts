// The Node build decodes through zod's `compile` (src/contract/compiled.ts): responses in the SDK, request
// bodies and queries in the reference server. Every schema of the contract must compile (else zod falls
// back to its runtime without a word, and the speed is gone), and the compiled schema must answer exactly
// as zod's runtime does, for valid values and for every value one change away from them.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { compiledOf } from '../../src/contract/compiled.js';
import { CHECK_OPTIONS, EVENT_DATA } from '../../src/contract/index.js';
import { type Case, mutations, params, responses, shown } from './contract-cases.js';

// The wire form of each parameter object, as the reference server reads it.
const requests: Case[] = params.map(([label, schema, model]) => [
  `the wire form of ${label}`,
  schema,
  z.encode(schema, model as never),
]);
// What `aulm.webhooks.verify` decodes an event's data with.
const events: Array<[string, z.ZodMiniType]> = Object.entries(EVENT_DATA).map(([type, schema]) => [
  `the data of ${type}`,
  schema as z.ZodMiniType,
]);

function answer(schema: z.ZodMiniType, value: unknown) {
  const result = z.safeDecode(schema, structuredClone(value) as never, CHECK_OPTIONS);
  return result.success
    ? { success: true, data: shown(result.data) }
    : {
        success: false,
        issues: result.error.issues.map(({ input, ...issue }) => ({ ...issue, input: shown(input) })),
      };
}

describe('the contract, compiled by zod', () => {
  const cases = [...responses, ...requests];

  const schemas = [...cases.map(([label, schema]): [string, z.ZodMiniType] => [label, schema]), ...events];

  it.each(schemas)('compiles %s without falling back to the runtime', (_, schema) => {
    expect(() => z.compile(schema, { strict: true })).not.toThrow();
  });

  it.each(cases)('decodes %s exactly as the runtime does', (_, schema, value) => {
    const compiled = answer(compiledOf(schema), value);
    expect(compiled.success).toBe(true);
    expect(compiled).toEqual(answer(schema, value));
  });

  it.each(cases)('answers every change to %s as the runtime does, issues and all', (_, schema, value) => {
    for (const changed of mutations(value)) {
      expect(answer(compiledOf(schema), changed)).toEqual(answer(schema, changed));
    }
  });

  it('compiles each schema once', () => {
    const [, schema] = responses[0]!;
    expect(compiledOf(schema)).toBe(compiledOf(schema));
    expect(compiledOf(schema)).not.toBe(schema);
  });
});
