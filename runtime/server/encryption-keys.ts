/**
 * The AES-GCM keys that seal captured values. The first key seals; every key is tried to open, so a
 * key can be rotated: put the new one first and keep the old one until no open page carries it.
 *
 * Looked up once, at first use: `SERVER_ACTIONS_ENCRYPTION_KEY` in the server's environment (keys
 * separated by commas) replaces the keys built into the server bundle by the plugin (its
 * `encryptionKey` option, or a key generated for each build). Keys are base64, 16, 24 or 32 bytes.
 */
import { KEYS_RUNTIME_PROPERTY } from '../protocol';
import { fromBase64 } from './base64';
import { ServerActionsKeyError } from './errors';
import { serverBundleRequire } from './webpack-globals';

export const ENCRYPTION_KEY_VARIABLE = 'SERVER_ACTIONS_ENCRYPTION_KEY';

let loaded: Promise<CryptoKey[]> | undefined;

export function encryptionKeys(): Promise<CryptoKey[]> {
  loaded ??= importKeys();
  return loaded;
}

function configuredKeys(): { source: string; keys: string[] } {
  // Read through globalThis: an edge runtime has no `process` (Cloudflare's workers), or one of its own
  // (Vercel's edge); the bundle then names no Node global, and the keys built in by the plugin serve.
  const host = globalThis as { process?: { env?: Record<string, string | undefined> } };
  const variable = host.process?.env?.[ENCRYPTION_KEY_VARIABLE];
  if (variable && variable.trim() !== '') {
    return { source: `the environment variable ${ENCRYPTION_KEY_VARIABLE}`, keys: variable.split(',').map((key) => key.trim()) };
  }
  const built = serverBundleRequire()?.[KEYS_RUNTIME_PROPERTY];
  if (built && built.length > 0) return { source: 'the `encryptionKey` option of ServerActionsPlugin', keys: built };
  throw new ServerActionsKeyError(
    `no key to seal captured values with. Set ${ENCRYPTION_KEY_VARIABLE}, or bundle this code in the server ` +
      'layer of a compiler that has ServerActionsPlugin (which builds a key into the bundle).',
  );
}

async function importKeys(): Promise<CryptoKey[]> {
  const { source, keys } = configuredKeys();
  return Promise.all(
    keys.map((key, index) => {
      const bytes = decodeKey(key);
      if (!bytes) {
        throw new ServerActionsKeyError(
          `key ${index + 1} of ${source} is not a base64 AES key of 16, 24 or 32 bytes. Make one with ` +
            `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`,
        );
      }
      return crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
    }),
  );
}

function decodeKey(key: string): Uint8Array<ArrayBuffer> | null {
  const bytes = fromBase64(key);
  return bytes && [16, 24, 32].includes(bytes.length) ? bytes : null;
}
