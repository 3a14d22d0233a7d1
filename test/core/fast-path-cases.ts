// The fast path held to zod: for models decoded and parameters encoded, valid and broken in every way
// that contract-cases.ts finds, it gives exactly zod's result or hands the value back to zod (MISMATCH),
// and never accepts what zod refuses. Shared by the run with generated code and the one without.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { fastDecode, fastEncode, MISMATCH } from '../../src/contract/fast-path.js';
import { mutations, params, responses, shown } from '../contract/contract-cases.js';

type Run = (schema: z.ZodMiniType, value: unknown) => unknown;

// zod's own answer, a thrown error counted as a refusal.
function reference(run: 'decode' | 'encode', schema: z.ZodMiniType, value: unknown) {
  try {
    return run === 'decode' ? z.safeDecode(schema, value as never) : z.safeEncode(schema, value as never);
  } catch {
    return { success: false as const };
  }
}

function expectSame(run: 'decode' | 'encode', fast: Run, schema: z.ZodMiniType, value: unknown): boolean {
  const expected = reference(run, schema, structuredClone(value));
  const actual = fast(schema, structuredClone(value));
  if (!expected.success) expect(actual).toBe(MISMATCH);
  else if (actual !== MISMATCH) expect(shown(actual)).toEqual(shown(expected.data));
  return actual !== MISMATCH;
}

/** The parity tests, for the fast path as configured when they run. */
export function describeParity(title: string): void {
  describe(title, () => {
    it.each(responses)('decodes %s exactly as zod does', (_, schema, wire) => {
      expect(expectSame('decode', fastDecode, schema, wire)).toBe(true);
    });

    it.each(responses)('leaves to zod every change to %s that zod refuses', (_, schema, wire) => {
      for (const changed of mutations(wire)) expectSame('decode', fastDecode, schema, changed);
    });

    it.each(params)('encodes %s exactly as zod does', (_, schema, model) => {
      expect(expectSame('encode', fastEncode, schema, model)).toBe(true);
    });

    it.each(params)('leaves to zod every change to %s that zod refuses', (_, schema, model) => {
      for (const changed of mutations(model)) expectSame('encode', fastEncode, schema, changed);
    });

    // The reference server reads request bodies and queries with the fast path: the wire form of each
    // parameter object, and every change to it, decoded exactly as zod does or left to zod.
    it.each(params)('decodes the wire form of %s exactly as zod does', (_, schema, model) => {
      expect(expectSame('decode', fastDecode, schema, z.encode(schema, model as never))).toBe(true);
    });

    it.each(params)(
      'leaves to zod every change to the wire form of %s that zod refuses',
      (_, schema, model) => {
        const wire = z.encode(schema, model as never);
        for (const changed of mutations(wire)) expectSame('decode', fastDecode, schema, changed);
      },
    );

    it('runs zod itself for what it does not model: unions, defaults, transforms', () => {
      const odd = z.object({
        either: z.union([z.string(), z.number()]),
        fallback: z._default(z.string(), 'none'),
        length: z.pipe(
          z.string(),
          z.transform((text) => text.length),
        ),
      });
      for (const value of [{ either: 1, length: 'abc' }, { either: 'a', fallback: 'b', length: '' }, {}]) {
        expectSame('decode', fastDecode, odd, value);
        expect(expectSame('encode', fastEncode, odd, value)).toBe(false);
      }
    });
  });
}
