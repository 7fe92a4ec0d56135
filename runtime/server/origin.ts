/**
 * Cross-site request forgery: a server function runs with the caller's cookies, so a page on another
 * site must not be able to call it (a `<form>` posting here, or a `fetch`). Browsers say where a POST
 * comes from in `Origin`; it must be this server's own origin, or one the app allows.
 *
 * A request without `Origin` is not from a browser that could carry a victim's cookies (every browser
 * that matters sends it on POST), unless its `Sec-Fetch-Site` says it crossed sites: those are refused,
 * the rest allowed. `Origin: null` (sandboxed frames, some redirects, `file:` pages) is never this host.
 *
 * The scheme is compared only where the server knows its own: a TLS socket, or `X-Forwarded-Proto`
 * from a trusted proxy. Behind a proxy that ends TLS, an https page reaches a plain-http server, so a
 * plain socket says nothing. Where the browser sends `Sec-Fetch-Site`, anything but `same-origin`
 * (which needs the same scheme) is refused too, so a page served over http on the same host does not
 * pass for this origin either way.
 */
import type { ActionRequest } from './action-request';

export interface OriginPolicy {
  /**
   * Other origins whose pages may call this server's functions: an origin (`https://app.example.com`)
   * or a host pattern (`app.example.com`, `app.example.com:8443`, `*.example.com` for any subdomain),
   * matched against the `Origin` header's host including a non-default port.
   */
  allowedOrigins?: readonly string[];
  /**
   * The server is behind a proxy that sets `X-Forwarded-Host` (and `X-Forwarded-Proto`): compare
   * `Origin` with that host (and scheme) rather than with `Host`. Only when the proxy always sets (or
   * strips) them: otherwise a client could choose what its Origin is compared with. Default: false.
   */
  trustProxy?: boolean;
}

interface AllowedOrigins {
  origins: Set<string>;
  hosts: Set<string>;
  /** `*.example.com` as `.example.com`. */
  domainSuffixes: string[];
}

const compiled = new WeakMap<readonly string[], AllowedOrigins>();

export function isAllowedOrigin(request: ActionRequest<unknown>, policy: OriginPolicy): boolean {
  // Compiled first, so that a bad entry shows at the first request, not the first cross-origin one.
  const allowed = policy.allowedOrigins === undefined ? undefined : allowedOrigins(policy.allowedOrigins);
  const site = request.header('sec-fetch-site');
  const crossedSites = site === 'cross-site' || site === 'same-site';
  const origin = request.header('origin');
  if (origin === undefined) return !crossedSites;
  const trustProxy = policy.trustProxy === true;
  const host = requestHost(request, trustProxy);
  const scheme = requestScheme(request, trustProxy);
  if (!crossedSites && host !== undefined && isOwnOriginAsWritten(origin, host, scheme)) return true;
  const url = parseOrigin(origin);
  if (url === null) return false;
  const sameScheme = scheme === undefined || scheme === url.protocol;
  if (!crossedSites && sameScheme && host !== undefined && sameHost(url, host)) return true;
  return allowed !== undefined && matchesAllowed(url, allowed);
}

// A host that URL leaves as it is: lower-case labels (the last not a number, which URL would read as
// an IPv4 address in some notation), an optional port without leading zeros.
const PLAIN_HOST = /^(?:[a-z0-9-]+\.)*[a-z-][a-z0-9-]*(?::([1-9][0-9]{0,4}))?$/;
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * The common case without parsing a URL (the parse is most of the check's cost): `Origin` is this
 * scheme and `//` and the Host header, character for character, and that host is one URL would leave
 * unchanged (no punycode, no default port), so that the origin is as browsers serialise it. When this
 * says no, the parsing check below decides: it allows everything this allows.
 */
function isOwnOriginAsWritten(origin: string, host: string, scheme: string | undefined): boolean {
  const originScheme = origin.startsWith('https://') ? 'https:' : origin.startsWith('http://') ? 'http:' : undefined;
  if (originScheme === undefined || (scheme !== undefined && scheme !== originScheme)) return false;
  if (origin.length !== originScheme.length + 2 + host.length || !origin.endsWith(host)) return false;
  const port = plainHostPort(host);
  if (port === null) return false;
  return port === undefined || (Number(port) <= 65535 && port !== DEFAULT_PORTS[originScheme]);
}

// A server sees the same Host from request to request: the last one's reading is kept.
let lastHost: string | undefined;
let lastHostPort: string | null | undefined = null;

/** The port of a host URL would leave as it is (undefined when it names none); null for any other host. */
function plainHostPort(host: string): string | null | undefined {
  if (host === lastHost) return lastHostPort;
  const plain = PLAIN_HOST.exec(host);
  const port = plain === null || host.includes('xn--') ? null : plain[1];
  lastHost = host;
  lastHostPort = port;
  return port;
}

/** An http(s) origin exactly as browsers serialise it, or null (`null`, a path, garbage). */
function parseOrigin(origin: string): URL | null {
  try {
    const url = new URL(origin);
    const isWebOrigin = url.protocol === 'http:' || url.protocol === 'https:';
    return isWebOrigin && url.origin === origin ? url : null;
  } catch {
    return null;
  }
}

function requestHost(request: ActionRequest<unknown>, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? request.header('x-forwarded-host') : undefined;
  const host = typeof forwarded === 'string' ? forwarded.split(',')[0].trim() : request.header('host');
  // HTTP/2 carries the host as `:authority`.
  return host ?? request.header(':authority');
}

/** `https:` over TLS; what a trusted proxy says; otherwise unknown (TLS may end at a proxy). */
function requestScheme(request: ActionRequest<unknown>, trustProxy: boolean): string | undefined {
  if (request.encrypted) return 'https:';
  const forwarded = trustProxy ? request.header('x-forwarded-proto') : undefined;
  return typeof forwarded === 'string' ? `${forwarded.split(',')[0].trim().toLowerCase()}:` : undefined;
}

/** The Host header names the origin's host and port (the scheme's default port when it names none). */
function sameHost(origin: URL, host: string): boolean {
  try {
    return new URL(`${origin.protocol}//${host}`).host === origin.host;
  } catch {
    return false;
  }
}

/** Host patterns match the Origin's host with its port: `*.example.com` only the default port. */
function matchesAllowed(origin: URL, allowed: AllowedOrigins): boolean {
  if (allowed.origins.has(origin.origin) || allowed.hosts.has(origin.host)) return true;
  return allowed.domainSuffixes.some((suffix) => origin.host.endsWith(suffix));
}

function allowedOrigins(entries: readonly string[]): AllowedOrigins {
  let allowed = compiled.get(entries);
  if (allowed) return allowed;
  if (!Array.isArray(entries)) throw invalidEntry(entries);
  allowed = { origins: new Set(), hosts: new Set(), domainSuffixes: [] };
  for (const entry of entries) {
    if (typeof entry !== 'string') throw invalidEntry(entry);
    if (entry.includes('://')) allowed.origins.add(normalisedOrigin(entry));
    else if (entry.startsWith('*.')) allowed.domainSuffixes.push(`.${normalisedHost(entry.slice(2), entry)}`);
    else allowed.hosts.add(normalisedHost(entry, entry));
  }
  compiled.set(entries, allowed);
  return allowed;
}

/** `https://App.example.com:443/` as `https://app.example.com`: an http(s) origin and nothing more. */
function normalisedOrigin(entry: string): string {
  const url = bareUrl(entry);
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw invalidEntry(entry);
  return url.origin;
}

/** `App.example.com:8443` as Origin headers write a host (lower case, punycode); no path, no wildcard. */
function normalisedHost(host: string, entry: string): string {
  const url = bareUrl(`http://${host}`);
  if (url === null) throw invalidEntry(entry);
  return url.host;
}

function bareUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    return bare && !text.includes('*') ? url : null;
  } catch {
    return null;
  }
}

function invalidEntry(entry: unknown): TypeError {
  return new TypeError(
    `handleServerActionRequest: allowedOrigins takes origins ("https://app.example.com") and host patterns ` +
      `("app.example.com", "*.example.com"); ${JSON.stringify(entry)} is neither.`,
  );
}
