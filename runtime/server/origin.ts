/**
 * Cross-site request forgery: a server function runs with the caller's cookies, so a page on another
 * site must not be able to call it (a `<form>` posting here, or a `fetch`). Browsers say where a POST
 * comes from in `Origin`; it must be this server's own origin, or one the app allows.
 *
 * A request without `Origin` is not from a browser that could carry a victim's cookies (every browser
 * that matters sends it on POST), unless its `Sec-Fetch-Site` says it crossed sites: those are refused,
 * the rest allowed. `Origin: null` (sandboxed frames, some redirects, `file:` pages) is never this host.
 */
import type { IncomingMessage } from 'node:http';

export interface OriginPolicy {
  /**
   * Other origins whose pages may call this server's functions: an origin (`https://app.example.com`)
   * or a host pattern (`app.example.com`, `app.example.com:8443`, `*.example.com` for any subdomain),
   * matched against the `Origin` header's host including a non-default port.
   */
  allowedOrigins?: readonly string[];
  /**
   * The server is behind a proxy that sets `X-Forwarded-Host`: compare `Origin` with that host rather
   * than with `Host`. Only when the proxy always sets (or strips) it: otherwise a client could choose
   * the host its Origin is compared with. Default: false.
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

export function isAllowedOrigin(request: IncomingMessage, policy: OriginPolicy): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) {
    const site = request.headers['sec-fetch-site'];
    return site !== 'cross-site' && site !== 'same-site';
  }
  const url = parseOrigin(origin);
  if (url === null) return false;
  const host = requestHost(request, policy.trustProxy === true);
  if (host !== undefined && sameHost(url, host)) return true;
  return policy.allowedOrigins !== undefined && matchesAllowed(url, allowedOrigins(policy.allowedOrigins));
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

function requestHost(request: IncomingMessage, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? request.headers['x-forwarded-host'] : undefined;
  const host = typeof forwarded === 'string' ? forwarded.split(',')[0].trim() : request.headers.host;
  // HTTP/2 carries the host as `:authority`.
  return host ?? (request.headers[':authority'] as string | undefined);
}

/** The Host header names the origin's host and port (the scheme's default port when it names none). */
function sameHost(origin: URL, host: string): boolean {
  try {
    return new URL(`${origin.protocol}//${host}`).host === origin.host;
  } catch {
    return false;
  }
}

function matchesAllowed(origin: URL, allowed: AllowedOrigins): boolean {
  if (allowed.origins.has(origin.origin) || allowed.hosts.has(origin.host)) return true;
  return allowed.domainSuffixes.some((suffix) => origin.hostname.endsWith(suffix) && !origin.port);
}

function allowedOrigins(entries: readonly string[]): AllowedOrigins {
  let allowed = compiled.get(entries);
  if (allowed) return allowed;
  allowed = { origins: new Set(), hosts: new Set(), domainSuffixes: [] };
  for (const entry of entries) {
    if (typeof entry !== 'string' || entry.trim() === '') throw invalidEntry(entry);
    if (entry.includes('://')) {
      const url = parseOrigin(entry.replace(/\/$/, '').toLowerCase());
      if (url === null) throw invalidEntry(entry);
      allowed.origins.add(url.origin);
    } else if (entry.startsWith('*.')) {
      allowed.domainSuffixes.push(entry.slice(1).toLowerCase());
    } else {
      allowed.hosts.add(entry.toLowerCase());
    }
  }
  compiled.set(entries, allowed);
  return allowed;
}

function invalidEntry(entry: unknown): TypeError {
  return new TypeError(
    `handleServerActionRequest: allowedOrigins takes origins ("https://app.example.com") and host patterns ` +
      `("app.example.com", "*.example.com"); ${JSON.stringify(entry)} is neither.`,
  );
}
