// Identifiers, API keys, pairing codes and webhook signing secrets of the reference server, drawn from its
// (seeded) randomness.
import { ID_PREFIXES } from '../src/contract/index.js';
import type { Randomness } from './random.js';

/** A kind of identifier, as the contract names it (`message`, `session`, `request`...). */
export type IdKind = keyof typeof ID_PREFIXES;

/** The mode of an API key: test keys honour the test phone numbers; live keys treat every number alike. */
export type KeyMode = 'test' | 'live';

const ID_LENGTH = 24;
const KEY_LENGTH = 32;
const SECRET_BYTES = 32;
// Pairing codes are read off a screen and typed into a phone: upper case, without 0/O and 1/I.
const PAIRING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Makes the identifiers and secrets of the reference server. */
export class IdFactory {
  readonly #random: Randomness;

  constructor(random: Randomness) {
    this.#random = random;
  }

  /** Returns a new id of that kind: its prefix and 24 base62 characters (`msg_3kT...`). */
  id(kind: IdKind): string {
    return `${ID_PREFIXES[kind]}${this.#random.string(kind, ID_LENGTH)}`;
  }

  /** Returns a new API key secret: `aulm_test_` or `aulm_live_` and 32 base62 characters. */
  apiKey(mode: KeyMode): string {
    return `aulm_${mode}_${this.#random.string('apiKeySecret', KEY_LENGTH)}`;
  }

  /** Returns a new 8-character pairing code. */
  pairingCode(): string {
    return this.#random.string('pairingCode', 8, PAIRING_ALPHABET);
  }

  /** Returns a new webhook signing secret: `whsec_` and the base64 of 32 random bytes. */
  webhookSecret(): string {
    let bytes = '';
    for (let i = 0; i < SECRET_BYTES; i++)
      bytes += String.fromCharCode(this.#random.int('webhookSecret', 256));
    return `whsec_${btoa(bytes)}`;
  }

  /** Returns `count` random decimal digits, for made-up phone numbers. */
  digits(count: number): string {
    return this.#random.string('phoneNumber', count, '0123456789');
  }
}
