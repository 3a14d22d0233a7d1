// Randomness for the reference server: a small seeded generator (sfc32) so that a seeded script gives the
// same ids, keys and codes every run, and Web Crypto when no seed is given. Runtime-neutral: no `node:`.

/** A source of uniformly distributed 32-bit unsigned integers. */
export interface RandomSource {
  /** Returns the next integer in `[0, 2^32)`. */
  nextUint32(): number;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// xmur3: turns a string into a sequence of well-mixed 32-bit seeds.
function seedsOf(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): fast, small, and good enough for ids. */
class Sfc32 implements RandomSource {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seedText: string) {
    const next = seedsOf(seedText);
    this.#a = next();
    this.#b = next();
    this.#c = next();
    this.#d = next();
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }
}

/** Web Crypto, read in batches. */
class CryptoSource implements RandomSource {
  #buffer = new Uint32Array(64);
  #index = this.#buffer.length;

  nextUint32(): number {
    if (this.#index >= this.#buffer.length) {
      globalThis.crypto.getRandomValues(this.#buffer);
      this.#index = 0;
    }
    return this.#buffer[this.#index++]!;
  }
}

/**
 * Named streams of randomness. Each kind of value (account ids, message ids, request ids, keys...) draws
 * from its own stream, derived from the seed and the stream's name, so that one more request in a test
 * does not shift the ids of the messages sent after it.
 */
export class Randomness {
  readonly #seed: number | undefined;
  #streams = new Map<string, RandomSource>();

  /** `seed` makes every stream deterministic; without it every stream reads Web Crypto. */
  constructor(seed?: number) {
    this.#seed = seed;
  }

  /** Whether the streams are seeded (deterministic). */
  get seeded(): boolean {
    return this.#seed !== undefined;
  }

  /** Returns the stream of that name, created on first use. */
  stream(name: string): RandomSource {
    let source = this.#streams.get(name);
    if (!source) {
      source = this.#seed === undefined ? new CryptoSource() : new Sfc32(`aulm:${this.#seed}:${name}`);
      this.#streams.set(name, source);
    }
    return source;
  }

  /** Returns an integer in `[0, bound)` from the named stream, without modulo bias. */
  int(name: string, bound: number): number {
    return draw(this.stream(name), bound);
  }

  /** Returns `length` characters drawn uniformly from `alphabet` (base62 by default). */
  string(name: string, length: number, alphabet = BASE62): string {
    // The stream is found once, not once a character: a request draws two ids of 24 characters.
    const source = this.stream(name);
    let text = '';
    for (let i = 0; i < length; i++) text += alphabet[draw(source, alphabet.length)];
    return text;
  }

  /** Starts every stream again from the seed (or drops the crypto buffers). */
  reset(): void {
    this.#streams.clear();
  }
}

// An integer in `[0, bound)` from `source`, without modulo bias: a draw past the last whole multiple of
// `bound` is drawn again.
function draw(source: RandomSource, bound: number): number {
  const limit = 2 ** 32 - (2 ** 32 % bound);
  for (;;) {
    const value = source.nextUint32();
    if (value < limit) return value % bound;
  }
}
