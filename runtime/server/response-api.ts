/**
 * What a server function adds to its answer: cookies (a session set at sign-in, cleared at sign-out)
 * and headers. The same on Node and Fetch servers, for a call and a form post alike; held until the
 * request helper writes the answer (response-shape.ts).
 */
import { currentScope } from './request-context';
import type { CookieOptions } from './set-cookie';

export type { CookieOptions } from './set-cookie';

/**
 * Sets a cookie on the answer. Defaults: `Path=/`, `HttpOnly`, `SameSite=Lax`, `Secure` (not for a
 * page on plain http at localhost or 127.0.0.1: see CookieOptions.secure). The value must be
 * cookie-octets: encode anything else. Throws `InvalidResponseFieldError` for a name or value that
 * cannot be sent, `ResponseStartedError` once the answer has started.
 */
export function setCookie(name: string, value: string, options?: CookieOptions): void {
  currentScope('setCookie()').response.setCookie(name, value, options);
}

/** Deletes a cookie (empty, `Max-Age=0`, expired): give the path and domain it was set with. */
export function deleteCookie(name: string, options?: Pick<CookieOptions, 'path' | 'domain' | 'secure' | 'sameSite' | 'httpOnly' | 'partitioned'>): void {
  currentScope('deleteCookie()').response.deleteCookie(name, options);
}

/**
 * Sets a header on the answer (replacing one set before under that name). Not the headers the helper
 * writes itself (content-type, content-length, location, set-cookie, x-server-action-*); no CR or LF.
 */
export function setResponseHeader(name: string, value: string): void {
  currentScope('setResponseHeader()').response.setHeader(name, value);
}
