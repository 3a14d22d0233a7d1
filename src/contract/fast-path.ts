// The fast path through the contract's zod schemas. Each schema is turned once into plain functions that
// check and convert a value exactly as zod does when the value is valid, and answer MISMATCH as soon as
// anything is off, or is a case they do not model: zod itself then runs and gives its own result or its
// own error, so the fast path never decides a failure and every message stays zod's. zod's generic
// machinery (a payload and an issue list per value, a closure per property, a second pass to encode)
// took most of the time of a request and of a list page. `z.compile` does the like but weighs 10 KB
// gzipped in a browser bundle; this generates code only for objects, and only where zod itself does.
import * as z from 'zod/mini';
import { modelNamesOf } from './codec.js';

/** What a fast path answers when zod must decide. */
export const MISMATCH: unique symbol = Symbol('aulm.mismatch');

type Step = (value: unknown) => unknown;
type Direction = 'decode' | 'encode';
type Payload = { value: unknown; issues: unknown[] };

// The internals of a zod schema that the fast path reads (zod/v4/core's `_zod`), loosely typed.
interface Node {
  _zod: {
    def: Record<string, unknown> & { type: string; checks?: Node[] };
    traits: Set<string>;
    optin?: string;
    optout?: string;
    values?: Set<unknown>;
    propValues?: Record<string, Set<unknown>>;
    check?: (payload: Payload) => unknown;
    run(payload: Payload, context: object): Payload | Promise<Payload>;
  };
}

const steps = { decode: new WeakMap<object, Step>(), encode: new WeakMap<object, Step>() };

/** Returns what `z.decode(schema, value)` would, or MISMATCH when zod must run. */
export function fastDecode(schema: z.ZodMiniType, value: unknown): unknown {
  return run(schema, value, 'decode');
}

/** Returns what `z.encode(schema, value)` would, or MISMATCH when zod must run. */
export function fastEncode(schema: z.ZodMiniType, value: unknown): unknown {
  return run(schema, value, 'encode');
}

function run(schema: z.ZodMiniType, value: unknown, direction: Direction): unknown {
  let step = steps[direction].get(schema);
  if (!step) {
    step = compile(schema as unknown as Node, direction);
    steps[direction].set(schema, step);
  }
  try {
    return step(value);
  } catch {
    return MISMATCH; // zod runs again, and throws what it throws
  }
}

function compile(node: Node, direction: Direction): Step {
  try {
    return stepOf(node, direction);
  } catch {
    return () => MISMATCH; // a schema the fast path cannot read is zod's alone
  }
}

// A schema's step: its own parse, then its checks (zod runs checks before the parse when encoding).
function stepOf(node: Node, direction: Direction): Step {
  return withChecks(node, direction, parseOf(node, direction) ?? island(node, direction));
}

function withChecks(node: Node, direction: Direction, parse: Step): Step {
  const own = node._zod.traits.has('$ZodCheck') ? [node] : [];
  const checks = [...own, ...(node._zod.def.checks ?? [])].map(checkOf);
  if (checks.length === 0) return parse;
  const check: Step =
    checks.length === 1
      ? checks[0]!
      : (value) => {
          let checked = value;
          for (const each of checks) {
            checked = each(checked);
            if (checked === MISMATCH) break;
          }
          return checked;
        };
  if (direction === 'encode') {
    return (value) => {
      const checked = check(value);
      return checked === MISMATCH ? MISMATCH : parse(checked);
    };
  }
  return (value) => {
    const parsed = parse(value);
    return parsed === MISMATCH ? MISMATCH : check(parsed);
  };
}

// One of zod's checks, as zod's `runChecks` calls it: any issue, or an async check, is a mismatch. A
// refinement and a plain pattern are called directly, without the payload and issue list zod makes.
function checkOf(check: Node): Step {
  const { def, traits } = check._zod;
  const when = def.when as ((payload: Payload) => boolean) | undefined;
  if (!when && traits.has('$ZodCustom')) {
    const refine = def.fn as (value: unknown) => unknown;
    return (value) => {
      const passed = refine(value);
      return passed instanceof Promise || !passed ? MISMATCH : value;
    };
  }
  if (!when && (traits.has('$ZodCheckRegex') || traits.has('$ZodISODateTime'))) {
    const pattern = def.pattern as RegExp;
    return (value) => {
      pattern.lastIndex = 0;
      return pattern.test(value as string) ? value : MISMATCH;
    };
  }
  return (value) => {
    const payload: Payload = { value, issues: [] };
    if (when && !when(payload)) return value;
    const result = check._zod.check?.(payload);
    return result instanceof Promise || payload.issues.length > 0 ? MISMATCH : payload.value;
  };
}

// Runs zod itself on a schema the fast path does not model: slower, but exact.
function island(node: Node, direction: Direction): Step {
  return (value) => {
    const context = direction === 'encode' ? { async: false, direction: 'backward' } : { async: false };
    const result = node._zod.run({ value, issues: [] }, context);
    return result instanceof Promise || result.issues.length > 0 ? MISMATCH : result.value;
  };
}

const isObject = (value: unknown): value is Record<PropertyKey, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// zod's test of a record (`util.isPlainObject`), copied: importing zod's `util` would bring all of it into
// a browser bundle.
function isPlainObject(value: unknown): value is Record<PropertyKey, unknown> {
  if (!isObject(value)) return false;
  const maker = (value as { constructor?: unknown }).constructor;
  if (maker === undefined || typeof maker !== 'function') return true;
  const prototype: unknown = maker.prototype;
  return isObject(prototype) && Object.hasOwn(prototype, 'isPrototypeOf');
}

function parseOf(node: Node, direction: Direction): Step | undefined {
  const { def, traits } = node._zod;
  if (def.coerce) return undefined;
  const child = (schema: unknown) => stepOf(schema as Node, direction);
  switch (def.type) {
    case 'string':
      return (value) => (typeof value === 'string' ? value : MISMATCH);
    case 'number':
      return (value) => (typeof value === 'number' && Number.isFinite(value) ? value : MISMATCH);
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? value : MISMATCH);
    case 'date':
      return (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value : MISMATCH);
    case 'null':
      return (value) => (value === null ? value : MISMATCH);
    case 'unknown':
    case 'any':
    case 'custom':
      return (value) => value;
    case 'literal':
    case 'enum': {
      const values = node._zod.values;
      return values && ((value) => (values.has(value) ? value : MISMATCH));
    }
    case 'optional': {
      const inner = def.innerType as Node;
      if (traits.has('$ZodExactOptional') || inner._zod.optin === 'defaulted') return undefined;
      const step = child(inner);
      return (value) => (value === undefined ? undefined : step(value));
    }
    case 'nullable': {
      const step = child(def.innerType);
      return (value) => (value === null ? null : step(value));
    }
    case 'array': {
      const item = child(def.element);
      return (value) => {
        if (!Array.isArray(value)) return MISMATCH;
        const out = new Array(value.length);
        for (let index = 0; index < value.length; index++) {
          const decoded = item(value[index]);
          if (decoded === MISMATCH) return MISMATCH;
          out[index] = decoded;
        }
        return out;
      };
    }
    case 'object':
      return objectOf(node, direction);
    case 'record':
      return recordOf(node, direction);
    case 'pipe':
      return pipeOf(node, direction);
    case 'union':
      return traits.has('$ZodDiscriminatedUnion') ? discriminatedOf(node, direction) : undefined;
    default:
      return undefined;
  }
}

// One property of an object: its key, its name in the output, when zod keeps it there (0: required;
// 1: kept when present; 2: kept when present or defined; 3: always kept), and its step.
interface Field {
  key: string;
  name: string;
  rule: 0 | 1 | 2 | 3;
  step: Step;
}

// As zod's compiled object parser: the shape's keys in order, unknown keys dropped (or refused by a
// strict object), and a key kept in the output by the same rules of presence and optionality. With
// `names`, each key is written under its model name.
function objectOf(node: Node, direction: Direction, names?: ReadonlyMap<string, string>): Step | undefined {
  const def = node._zod.def;
  const shape = def.shape as Record<string, Node>;
  const strict = (def.catchall as Node | undefined)?._zod.def.type === 'never';
  if (def.catchall && !strict) return undefined;
  if (Object.getOwnPropertySymbols(shape).length > 0) return undefined;
  const known = new Set(Object.keys(shape));
  const fields = [...known]
    .filter((key) => key !== '__proto__')
    .map((key): Field => {
      const { optin, optout } = shape[key]!._zod;
      const kept = optout === 'optional' ? (optin === 'defaulted' ? 2 : 1) : optin === 'defaulted' ? 3 : 2;
      const name = names?.get(key) ?? key;
      return { key, name, rule: optin === undefined ? 0 : kept, step: stepOf(shape[key]!, direction) };
    });
  return generatedObject(fields, strict, known) ?? loopedObject(fields, strict, known);
}

function loopedObject(fields: Field[], strict: boolean, known: Set<string>): Step {
  return (value) => {
    if (!isObject(value)) return MISMATCH;
    const out: Record<string, unknown> = {};
    for (const { key, name, rule, step } of fields) {
      const present = key in value;
      if (rule === 0 && !present) return MISMATCH;
      const decoded = step(value[key]);
      if (decoded === MISMATCH) return MISMATCH;
      if (rule === 3 || present || (rule === 2 && decoded !== undefined)) out[name] = decoded;
    }
    if (strict) for (const key in value) if (!known.has(key)) return MISMATCH;
    return out;
  };
}

// The same step as generated code: reading and writing properties by name is several times faster than
// by a key held in a variable. Only in Node, Bun and Deno, where code generation is the norm, and not
// under zod's `jitless`; never in a browser or a worker, where a CSP may forbid it and report each try.
// The keys are the contract's, quoted as JSON.
function generatedObject(fields: Field[], strict: boolean, known: Set<string>): Step | undefined {
  const runtime = (globalThis as { process?: { versions?: { node?: unknown } } }).process;
  if (z.config().jitless || typeof runtime?.versions?.node !== 'string') return undefined;
  const lines = ['if (typeof value !== "object" || value === null || Array.isArray(value)) return M;'];
  const kept: string[] = [];
  fields.forEach(({ key, name, rule }, index) => {
    const [wire, model, v, p] = [JSON.stringify(key), JSON.stringify(name), `v${index}`, `p${index}`];
    lines.push(`let ${v} = value[${wire}];`, `const ${p} = ${v} !== undefined || ${wire} in value;`);
    if (rule === 0) lines.push(`if (!${p}) return M;`);
    lines.push(`${v} = steps[${index}](${v});`, `if (${v} === M) return M;`);
    const when =
      rule === 0 || rule === 3 ? '' : rule === 1 ? `if (${p}) ` : `if (${p} || ${v} !== undefined) `;
    kept.push(`${when}out[${model}] = ${v};`);
  });
  if (strict) lines.push('for (const key in value) if (!known.has(key)) return M;');
  // Every key kept: one object literal, its shape known at once.
  if (fields.every(({ rule }) => rule === 0 || rule === 3)) {
    const entries = fields.map(({ name }, index) => `${JSON.stringify(name)}: v${index}`);
    lines.push(`return { ${entries.join(', ')} };`);
  } else {
    lines.push('const out = {};', ...kept, 'return out;');
  }
  try {
    const make = new Function('steps', 'M', 'known', `return (value) => {\n${lines.join('\n')}\n};`);
    return make(
      fields.map(({ step }) => step),
      MISMATCH,
      known,
    );
  } catch {
    return undefined; // code generation is forbidden here after all (a policy, a flag)
  }
}

// As zod's record parser, for records whose keys are checked by a schema (not listed, not loose).
function recordOf(node: Node, direction: Direction): Step | undefined {
  const def = node._zod.def;
  const keyType = def.keyType as Node;
  if (keyType._zod.values || def.mode === 'loose') return undefined;
  const keyStep = stepOf(keyType, direction);
  const valueStep = stepOf(def.valueType as Node, direction);
  return (value) => {
    if (!isPlainObject(value)) return MISMATCH;
    const out: Record<PropertyKey, unknown> = {};
    for (const key of Reflect.ownKeys(value)) {
      if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, key)) continue;
      if (typeof key !== 'string') return MISMATCH;
      const outKey = keyStep(key);
      if (outKey === MISMATCH) return MISMATCH;
      if (outKey === '__proto__') continue;
      const decoded = valueStep(value[key]);
      if (decoded === MISMATCH) return MISMATCH;
      out[outKey as string] = decoded;
    }
    return out;
  };
}

// A codec (decode: `in`, its transform, `out`; encode: `out`, the reverse transform, `in`) or a pipe.
function pipeOf(node: Node, direction: Direction): Step | undefined {
  const def = node._zod.def as unknown as {
    in: Node;
    out: Node;
    transform?: unknown;
    reverseTransform?: unknown;
  };
  const [first, second] = direction === 'decode' ? [def.in, def.out] : [def.out, def.in];
  const secondStep = stepOf(second, direction);
  const renamed = direction === 'decode' ? renamingOf(node, def.in) : undefined;
  if (renamed) {
    return (value) => {
      const model = renamed(value);
      return model === MISMATCH ? MISMATCH : secondStep(model);
    };
  }
  const firstStep = stepOf(first, direction);
  if (!node._zod.traits.has('$ZodCodec')) {
    return (value) => {
      const left = firstStep(value);
      return left === MISMATCH ? MISMATCH : secondStep(left);
    };
  }
  const transform = (direction === 'decode' ? def.transform : def.reverseTransform) as (
    value: unknown,
    payload?: Payload,
  ) => unknown;
  // A transform that takes the payload may report issues on it; one that does not is called with the value alone.
  const convert: Step =
    transform.length < 2
      ? transform
      : (value) => {
          const payload: Payload = { value, issues: [] };
          const converted = transform(value, payload);
          return payload.issues.length > 0 ? MISMATCH : converted;
        };
  return (value) => {
    const left = firstStep(value);
    if (left === MISMATCH) return MISMATCH;
    const converted = convert(left);
    return converted === MISMATCH || converted instanceof Promise ? MISMATCH : secondStep(converted);
  };
}

// A `wireModel` decodes by renaming the keys of its checked wire object (contract/codec.ts): its object
// step writes the model names directly, which spares building the wire object and a renamed copy.
function renamingOf(node: Node, wire: Node): Step | undefined {
  const names = modelNamesOf(node);
  if (!names || wire._zod.def.type !== 'object' || wire._zod.def.checks?.length) return undefined;
  if ([...names.values()].includes('__proto__')) return undefined;
  return objectOf(wire, 'decode', names);
}

// The option named by the discriminator, as zod picks it; anything else (no match) is zod's to answer.
function discriminatedOf(node: Node, direction: Direction): Step | undefined {
  const def = node._zod.def as unknown as { discriminator: string; options: Node[]; unionFallback?: boolean };
  const options = new Map<unknown, Step>();
  for (const option of def.options) {
    const values = option._zod.propValues?.[def.discriminator];
    if (!values || values.size === 0) return undefined;
    for (const value of values) {
      if (options.has(value)) return undefined;
      options.set(value, stepOf(option, direction));
    }
  }
  return (value) => {
    if (!isObject(value)) return MISMATCH;
    const tag = value[def.discriminator];
    const option = options.get(tag);
    return option && (tag !== undefined || direction === 'decode') ? option(value) : MISMATCH;
  };
}
