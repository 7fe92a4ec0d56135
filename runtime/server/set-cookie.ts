/**
 * Set-Cookie and response header lines a server function asks for, checked so that nothing it is given
 * can start a header of its own (CR, LF) or break the cookie's syntax: names are HTTP tokens (RFC 9110),
 * cookie values cookie-octets (RFC 6265 §4.1.1; encode anything else, with encodeURIComponent say),
 * attributes without `;` or control characters. What does not fit is refused, never silently altered.
 */
import { InvalidResponseFieldError } from './errors';
import { escapeForLog } from './log';

export interface CookieOptions {
  /** Default `/`: the whole site. */
  path?: string;
  /** Default: none, the host alone (not its subdomains). */
  domain?: string;
  /** Seconds; 0 or less deletes the cookie. Default: none, a session cookie. */
  maxAge?: number;
  expires?: Date;
  /** Default true: not readable from JavaScript. */
  httpOnly?: boolean;
  /**
   * Default true, except for a request whose Origin is plain http on a loopback host (localhost,
   * 127.0.0.1, [::1]: local development, where some browsers drop a Secure cookie set over http).
   */
  secure?: boolean;
  /** Default `lax`. `none` needs `secure`. */
  sameSite?: 'lax' | 'strict' | 'none';
  /** CHIPS: a cookie partitioned by top-level site (needs `secure`). */
  partitioned?: boolean;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// cookie-octet: printable ASCII without space, `"`, `,`, `;` and `\`.
const COOKIE_VALUE = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*$/;
// A path or domain attribute: printable ASCII without `;`.
const ATTRIBUTE_VALUE = /^[\x20-\x3a\x3c-\x7e]*$/;
// A header value: visible characters, spaces and tabs (no CR, LF or NUL); obs-text too.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const SAME_SITE = { lax: 'Lax', strict: 'Strict', none: 'None' } as const;

export function isToken(name: unknown): name is string {
  return typeof name === 'string' && TOKEN.test(name);
}

function refuse(what: string): never {
  throw new InvalidResponseFieldError(what);
}

/** The Set-Cookie value for `name=value` with `options` over these defaults. */
export function serializeCookie(name: string, value: string, options: CookieOptions, secureByDefault: boolean): string {
  if (!isToken(name)) refuse(`A cookie name is an HTTP token (letters, digits and !#$%&'*+-.^_\`|~); ${escapeForLog(name, 60)} is not one.`);
  if (typeof value !== 'string' || !COOKIE_VALUE.test(value)) {
    refuse(
      `The value of cookie ${name} holds characters a cookie cannot carry (spaces, quotes, commas, semicolons, ` +
        'backslashes, controls, non-ASCII): encode it first, with encodeURIComponent for instance.',
    );
  }
  const parts = [`${name}=${value}`, `Path=${attribute('path', options.path ?? '/')}`];
  if (options.domain !== undefined) parts.push(`Domain=${attribute('domain', options.domain)}`);
  if (options.maxAge !== undefined) {
    if (!Number.isFinite(options.maxAge)) refuse('A cookie maxAge is a finite number of seconds.');
    parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAge))}`);
  }
  if (options.expires !== undefined) {
    if (!(options.expires instanceof Date) || Number.isNaN(options.expires.getTime())) refuse('A cookie expires is a valid Date.');
    parts.push(`Expires=${options.expires.toUTCString()}`);
  }
  if (options.httpOnly ?? true) parts.push('HttpOnly');
  const secure = options.secure ?? secureByDefault;
  if (secure) parts.push('Secure');
  const sameSite = options.sameSite ?? 'lax';
  if (!Object.prototype.hasOwnProperty.call(SAME_SITE, sameSite)) refuse('A cookie sameSite is "lax", "strict" or "none".');
  if (sameSite === 'none' && !secure) refuse('A cookie with sameSite "none" must be secure: browsers drop it otherwise.');
  parts.push(`SameSite=${SAME_SITE[sameSite]}`);
  if (options.partitioned) {
    if (!secure) refuse('A partitioned cookie must be secure: browsers drop it otherwise.');
    parts.push('Partitioned');
  }
  return parts.join('; ');
}

function attribute(name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '' || !ATTRIBUTE_VALUE.test(value)) {
    refuse(`A cookie ${name} is printable ASCII without ";"; ${escapeForLog(value, 60)} is not.`);
  }
  return value;
}

// Headers the request helper writes itself: set through them, an answer would contradict the protocol.
const OWN_HEADERS = new Set(['content-type', 'content-length', 'transfer-encoding', 'connection', 'location', 'set-cookie']);

/** A response header `name: value` checked; the name in lower case. */
export function checkedHeader(name: string, value: string): [string, string] {
  if (!isToken(name)) refuse(`A header name is an HTTP token; ${escapeForLog(name, 60)} is not one.`);
  const lower = name.toLowerCase();
  if (OWN_HEADERS.has(lower) || lower.startsWith('x-server-action')) {
    refuse(
      `The request helper writes ${lower} itself` +
        (lower === 'set-cookie' ? ': use setCookie() and deleteCookie().' : lower === 'location' ? ': use redirect().' : '.'),
    );
  }
  if (typeof value !== 'string' || !HEADER_VALUE.test(value)) {
    refuse(`The value of header ${lower} holds characters a header cannot carry (CR, LF, NUL or other controls).`);
  }
  return [lower, value.trim()];
}

/** The cookies a Cookie header sends, by name: the first of a name wins (browsers send the most specific path first). */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1) continue;
    const name = pair.slice(0, separator).trim();
    if (name !== '' && !cookies.has(name)) cookies.set(name, pair.slice(separator + 1).trim());
  }
  return cookies;
}

/**
 * Whether a `Secure` cookie is right for this request: always, except for a browser on plain http at
 * a loopback host (its Origin says so: development at http://localhost or http://127.0.0.1, where
 * some browsers ignore a Secure cookie set over http). Without Origin, Secure.
 */
export function secureByDefault(origin: string | undefined): boolean {
  if (origin === undefined || origin.startsWith('https://')) return true;
  // `http://host[:port]` as browsers write it: the host read without parsing a URL.
  const plain = PLAIN_HTTP_ORIGIN.exec(origin);
  if (plain !== null && !origin.includes('xn--')) return !isLoopbackHost(plain[1]);
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:') return true;
    return !isLoopbackHost(url.hostname);
  } catch {
    return true;
  }
}

// Lower-case labels, the last not a number (which URL would read as an IPv4 address), or an IPv4
// address as URL writes it; an optional port.
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const PLAIN_HTTP_ORIGIN = new RegExp(
  `^http://((?:[a-z0-9-]+\\.)*[a-z-][a-z0-9-]*|(?:${OCTET}\\.){3}${OCTET})(?::[0-9]{1,5})?$`,
);

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '[::1]';
}
