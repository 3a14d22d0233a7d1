// The Node build decodes through zod's `compile` (src/contract/compiled.ts): responses in the SDK, request
// bodies and queries in the reference server. Every schema the contract exports must compile (else zod falls
// back to its runtime without a word, and the speed is gone), and the compiled schema must answer exactly
// as zod's runtime does, for valid values and for every value one change away from them.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { compiledOf } from '../../src/contract/compiled.js';
import * as contract from '../../src/contract/index.js';
import { type Case, mutations, params, responses, shown } from './contract-cases.js';

// The wire form of each parameter object, as the reference server reads it.
const requests: Case[] = params.map(([label, schema, model]) => [
  `the wire form of ${label}`,
  schema,
  z.encode(schema, model as never),
]);
// Every schema the contract exports, found rather than listed, so that a new one is held too.
const exported = Object.entries(contract as Record<string, unknown>).filter(
  (entry): entry is [string, z.ZodMiniType] => entry[1] instanceof z.core.$ZodType,
);

function answer(schema: z.ZodMiniType, value: unknown) {
  const result = z.safeDecode(schema, structuredClone(value) as never, contract.CHECK_OPTIONS);
  return result.success
    ? { success: true, data: shown(result.data) }
    : {
        success: false,
        issues: result.error.issues.map(({ input, ...issue }) => ({ ...issue, input: shown(input) })),
      };
}

describe('the contract, compiled by zod', () => {
  const cases = [...responses, ...requests];

  it.each(exported)('compiles %s without falling back to the runtime', (_, schema) => {
    expect(() => z.compile(schema, { strict: true })).not.toThrow();
  });

  it('holds every list and parameter object the contract exports to the runtime, in a case of its own', () => {
    const held = new Set(cases.map(([, schema]) => schema));
    const calls = exported.filter(([name]) => /(List|Params)$/.test(name));
    expect(calls.length).toBeGreaterThan(20);
    expect(calls.filter(([, schema]) => !held.has(schema)).map(([name]) => name)).toEqual([]);
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
