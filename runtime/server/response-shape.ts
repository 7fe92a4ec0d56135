/**
 * The headers and cookies a server function adds to its answer (setCookie, deleteCookie,
 * setResponseHeader), held until the request helper writes the answer: on a call's Flight answer or
 * its redirect, on a form post's 303, or handed to the app for the page it renders. Once taken, the
 * answer has started and nothing more can be added.
 */
import type { HeaderPairs } from './action-request';
import { ResponseStartedError } from './errors';
import { checkedHeader, secureByDefault, serializeCookie, type CookieOptions } from './set-cookie';

export class ResponseShape {
  // Made at the first header or cookie: most functions set none.
  private headers: Map<string, string> | undefined;
  private cookies: Map<string, string> | undefined;
  private started = false;

  /** `origin`: the request's Origin header, which decides whether cookies are `Secure` by default (set-cookie.ts). */
  constructor(private readonly origin: string | undefined) {}

  setCookie(name: string, value: string, options: CookieOptions = {}): void {
    this.assertOpen('setCookie()');
    const line = serializeCookie(name, value, options, secureByDefault(this.origin));
    // The last call for a name (and path and domain) wins, as it would in the browser.
    (this.cookies ??= new Map()).set(`${name};${options.path ?? '/'};${options.domain ?? ''}`, line);
  }

  deleteCookie(name: string, options: Pick<CookieOptions, 'path' | 'domain' | 'secure' | 'sameSite' | 'httpOnly' | 'partitioned'> = {}): void {
    this.assertOpen('deleteCookie()');
    const line = serializeCookie(name, '', { ...options, maxAge: 0, expires: new Date(0) }, secureByDefault(this.origin));
    (this.cookies ??= new Map()).set(`${name};${options.path ?? '/'};${options.domain ?? ''}`, line);
  }

  setHeader(name: string, value: string): void {
    this.assertOpen('setResponseHeader()');
    const [lower, checked] = checkedHeader(name, value);
    (this.headers ??= new Map()).set(lower, checked);
  }

  /** Everything set so far, as header lines; the answer has started from now on. */
  take(): HeaderPairs {
    this.started = true;
    const lines: HeaderPairs = this.headers === undefined ? [] : [...this.headers];
    if (this.cookies !== undefined) for (const line of this.cookies.values()) lines.push(['set-cookie', line]);
    return lines;
  }

  private assertOpen(what: string): void {
    if (this.started) throw new ResponseStartedError(what);
  }
}
