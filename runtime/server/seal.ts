/**
 * Authenticated encryption of a text for one server function: AES-GCM with a random 96-bit IV and the
 * action ID as additional data, so that a payload opens only for the function it was sealed for.
 * Format, base64url: version byte (1) | IV (12 bytes) | ciphertext and 16-byte tag.
 */
import { fromBase64, toBase64Url } from './base64';
import { encryptionKeys } from './encryption-keys';

const VERSION = 1;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const PURPOSE = 'webpack-server-actions captured values\0';

const encoder = new TextEncoder();

function additionalData(actionId: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(PURPOSE + actionId) as Uint8Array<ArrayBuffer>;
}

export async function seal(actionId: string, text: string): Promise<string> {
  const [key] = await encryptionKeys();
  const iv = crypto.getRandomValues(new Uint8Array(IV_LENGTH));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(actionId) },
    key,
    encoder.encode(text),
  );
  const bytes = new Uint8Array(1 + IV_LENGTH + sealed.byteLength);
  bytes[0] = VERSION;
  bytes.set(iv, 1);
  bytes.set(new Uint8Array(sealed), 1 + IV_LENGTH);
  return toBase64Url(bytes);
}

/** The text, or null when the payload was not sealed for this action under one of the keys. */
export async function open(actionId: string, payload: string): Promise<string | null> {
  // base64url only: a payload is never written in the other alphabet.
  const bytes = /^[A-Za-z0-9_-]*$/.test(payload) ? fromBase64(payload) : null;
  if (!bytes || bytes.length < 1 + IV_LENGTH + TAG_LENGTH || bytes[0] !== VERSION) return null;
  const iv = bytes.subarray(1, 1 + IV_LENGTH);
  const sealed = bytes.subarray(1 + IV_LENGTH);
  for (const key of await encryptionKeys()) {
    try {
      const text = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: additionalData(actionId) }, key, sealed);
      return new TextDecoder('utf-8', { fatal: true }).decode(text);
    } catch {
      // Another key, or not authentic: try the next one.
    }
  }
  return null;
}
