// The signature of a delivery: HMAC-SHA256 over `{id}.{timestamp}.{body}`, as base64, per the Standard
// Webhooks specification; reading the `v1` signatures a header carries; and comparing them in constant time.
// Node's crypto signs where the runtime has it (faster), found at run time and never imported, so no
// bundle of this code holds a `node:` import; everywhere else WebCrypto does. Both give the same text.
import { encodeBase64 } from './base64.js';

/** Which HMAC implementation signs: `auto` takes Node's crypto when the runtime has it, else WebCrypto. */
export type HmacBackend = 'auto' | 'node' | 'webcrypto';

interface NodeHmac {
  update(data: string | Uint8Array): NodeHmac;
  digest(encoding: 'base64'): string;
}

interface NodeCrypto {
  createHmac(algorithm: 'sha256', key: Uint8Array): NodeHmac;
}

let backend: HmacBackend = 'auto';
let nodeCrypto: NodeCrypto | null | undefined;

/** Picks the HMAC implementation; for tests, which check that both give the same signatures. Internal. */
export function useHmacBackend(next: HmacBackend): void {
  backend = next;
}

// `process.getBuiltinModule` is in Node 20.16+ and 22.3+, Bun, Deno 2 and workers with Node compatibility.
// The name goes without its `node:` prefix so that no bundler or scanner takes it for an import.
function findNodeCrypto(): NodeCrypto | null {
  if (nodeCrypto === undefined) {
    try {
      const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
      const found = process?.getBuiltinModule?.('crypto') as Partial<NodeCrypto> | undefined;
      nodeCrypto = typeof found?.createHmac === 'function' ? (found as NodeCrypto) : null;
    } catch {
      nodeCrypto = null;
    }
  }
  return nodeCrypto;
}

const encoder = new TextEncoder();

async function webCryptoSignature(key: Uint8Array<ArrayBuffer>, head: string, body: string | Uint8Array) {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new Error(
      'Webhook signatures need WebCrypto (crypto.subtle): in a browser, on https:// or localhost.',
    );
  }
  const start = encoder.encode(head);
  const rest = typeof body === 'string' ? encoder.encode(body) : body;
  const data = new Uint8Array(start.length + rest.length);
  data.set(start);
  data.set(rest, start.length);
  const hmac = { name: 'HMAC', hash: 'SHA-256' };
  const cryptoKey = await subtle.importKey('raw', key, hmac, false, ['sign']);
  return encodeBase64(new Uint8Array(await subtle.sign(hmac, cryptoKey, data)));
}

/**
 * Returns the base64 HMAC-SHA256 of `{id}.{timestamp}.{body}` keyed with `key`: the signature of a
 * delivery, without its `v1,` prefix. `body` is signed byte for byte as it is on the wire (a string as its
 * UTF-8 bytes). Node's crypto answers at once, WebCrypto in a promise.
 */
export function computeSignature(
  key: Uint8Array<ArrayBuffer>,
  id: string,
  timestamp: string,
  body: string | Uint8Array,
): string | Promise<string> {
  const head = `${id}.${timestamp}.`;
  if (backend !== 'webcrypto') {
    const node = findNodeCrypto();
    if (node) return node.createHmac('sha256', key).update(head).update(body).digest('base64');
    if (backend === 'node') throw new Error('Node crypto is not available in this runtime.');
  }
  return webCryptoSignature(key, head, body);
}

/**
 * Returns the `v1` signatures of a `webhook-signature` header, as sent: entries are separated by white
 * space, each `version,signature`; other versions are skipped. A comma that ends an entry is dropped: it
 * comes from a proxy or runtime joining two header lines with `, ` (base64 has no comma).
 */
export function v1SignaturesOf(header: string): string[] {
  const signatures: string[] = [];
  for (const entry of header.split(/\s+/)) {
    const [version, signature] = entry.replace(/,$/, '').split(',', 2);
    if (version === 'v1' && signature) signatures.push(signature);
  }
  return signatures;
}

/**
 * Returns whether two signatures are the same text, taking the same time for every pair of one length,
 * so that timing tells nothing of where they differ. The length itself is public (44 for SHA-256).
 */
export function signaturesEqual(sent: string, expected: string): boolean {
  if (sent.length !== expected.length) return false;
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= sent.charCodeAt(i) ^ expected.charCodeAt(i);
  return difference === 0;
}
