// A text the server signs so that a browser can keep it and cannot change it: the signed-in user's
// name, in a cookie. Format: `<text, base64url>.<expiry, Unix seconds>.<HMAC-SHA256, base64url>`. The
// HMAC covers a purpose, the text and the expiry, so that editing any of them, or reusing a token
// signed for another purpose, fails verification. Web Crypto only (crypto.subtle), as on edge runtimes.
//
// The key comes from NOTES_SESSION_SECRET (32 characters or more; the same on every instance of the
// app). Without it, a random key is made per process: every sign-in ends when the server restarts.
const SECRET_VARIABLE = 'NOTES_SESSION_SECRET';
const MIN_SECRET_LENGTH = 32;
const TOKEN = /^([A-Za-z0-9_-]{1,400})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

const encoder = new TextEncoder();
let signingKey;

function secretBytes() {
  const secret = process.env[SECRET_VARIABLE];
  if (secret === undefined || secret === '') return crypto.getRandomValues(new Uint8Array(32));
  // A short secret can be guessed offline from any token: refuse it rather than sign with it.
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`${SECRET_VARIABLE} must be at least ${MIN_SECRET_LENGTH} characters.`);
  return encoder.encode(secret);
}

function key() {
  signingKey ??= crypto.subtle.importKey('raw', secretBytes(), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  return signingKey;
}

function toBase64Url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  return Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (char) => char.charCodeAt(0));
}

const signed = (purpose, payload) => encoder.encode(`${purpose}\0${payload}`);
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A token holding `text` for `purpose`, valid for `maxAgeSeconds`. */
export async function signToken(purpose, text, maxAgeSeconds) {
  const payload = `${toBase64Url(encoder.encode(text))}.${nowSeconds() + maxAgeSeconds}`;
  const signature = await crypto.subtle.sign('HMAC', await key(), signed(purpose, payload));
  return `${payload}.${toBase64Url(new Uint8Array(signature))}`;
}

/** The text of a token signed for `purpose` and not expired, or null (malformed, forged, edited, expired). */
export async function verifyToken(purpose, token) {
  const match = TOKEN.exec(token ?? '');
  if (!match || Number(match[2]) <= nowSeconds()) return null;
  try {
    // crypto.subtle.verify compares in constant time.
    const authentic = await crypto.subtle.verify('HMAC', await key(), fromBase64Url(match[3]), signed(purpose, `${match[1]}.${match[2]}`));
    return authentic ? new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(match[1])) : null;
  } catch {
    // Base64 or UTF-8 that does not decode: not a token this server wrote.
    return null;
  }
}
