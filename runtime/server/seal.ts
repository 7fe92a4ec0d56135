/**
 * Authenticated encryption of a text for one purpose and one context: AES-GCM with a random 96-bit IV
 * and `purpose \0 context` as additional data, so that a payload opens only where it was sealed for
 * (captured values: for the one server function; form state: for the one page it was redirected to).
 * Format, base64url: version byte (1) | IV (12 bytes) | ciphertext and 16-byte tag.
 */
import { fromBase64, toBase64Url } from './base64';
import { encryptionKeys } from './encryption-keys';

const VERSION = 1;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;

/** What a sealed text is for; a payload sealed for one purpose never opens for another. */
export type SealPurpose = 'captured values' | 'form state';

const encoder = new TextEncoder();

function additionalData(purpose: SealPurpose, context: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`webpack-server-actions ${purpose}\0${context}`) as Uint8Array<ArrayBuffer>;
}

export async function seal(purpose: SealPurpose, context: string, text: string): Promise<string> {
  const [key] = await encryptionKeys();
  const iv = crypto.getRandomValues(new Uint8Array(IV_LENGTH));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(purpose, context) },
    key,
    encoder.encode(text),
  );
  const bytes = new Uint8Array(1 + IV_LENGTH + sealed.byteLength);
  bytes[0] = VERSION;
  bytes.set(iv, 1);
  bytes.set(new Uint8Array(sealed), 1 + IV_LENGTH);
  return toBase64Url(bytes);
}

/** The text, or null when the payload was not sealed for this purpose and context under one of the keys. */
export async function open(purpose: SealPurpose, context: string, payload: string): Promise<string | null> {
  // base64url only: a payload is never written in the other alphabet.
  const bytes = /^[A-Za-z0-9_-]*$/.test(payload) ? fromBase64(payload) : null;
  if (!bytes || bytes.length < 1 + IV_LENGTH + TAG_LENGTH || bytes[0] !== VERSION) return null;
  const iv = bytes.subarray(1, 1 + IV_LENGTH);
  const sealed = bytes.subarray(1 + IV_LENGTH);
  for (const key of await encryptionKeys()) {
    try {
      const text = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: additionalData(purpose, context) }, key, sealed);
      return new TextDecoder('utf-8', { fatal: true }).decode(text);
    } catch {
      // Another key, or not authentic: try the next one.
    }
  }
  return null;
}
