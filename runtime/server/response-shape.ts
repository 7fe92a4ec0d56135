/**
 * The headers and cookies a server function adds to its answer (setCookie, deleteCookie,
 * setResponseHeader), held until the request helper writes the answer: on a call's Flight answer or
 * its redirect, on a form post's 303, or handed to the app for the page it renders. Once taken, the
 * answer has started and nothing more can be added.
 */
import type { HeaderPairs } from './action-request';
import { ResponseStartedError } from './errors';
import { checkedHeader, serializeCookie, type CookieOptions } from './set-cookie';

export class ResponseShape {
  private readonly headers = new Map<string, string>();
  private readonly cookies = new Map<string, string>();
  private started = false;

  constructor(private readonly secureByDefault: boolean) {}

  setCookie(name: string, value: string, options: CookieOptions = {}): void {
    this.assertOpen('setCookie()');
    const line = serializeCookie(name, value, options, this.secureByDefault);
    // The last call for a name (and path and domain) wins, as it would in the browser.
    this.cookies.set(`${name};${options.path ?? '/'};${options.domain ?? ''}`, line);
  }

  deleteCookie(name: string, options: Pick<CookieOptions, 'path' | 'domain' | 'secure' | 'sameSite' | 'httpOnly' | 'partitioned'> = {}): void {
    this.assertOpen('deleteCookie()');
    const line = serializeCookie(name, '', { ...options, maxAge: 0, expires: new Date(0) }, this.secureByDefault);
    this.cookies.set(`${name};${options.path ?? '/'};${options.domain ?? ''}`, line);
  }

  setHeader(name: string, value: string): void {
    this.assertOpen('setResponseHeader()');
    const [lower, checked] = checkedHeader(name, value);
    this.headers.set(lower, checked);
  }

  /** Everything set so far, as header lines; the answer has started from now on. */
  take(): HeaderPairs {
    this.started = true;
    return [...this.headers, ...[...this.cookies.values()].map((line): [string, string] => ['set-cookie', line])];
  }

  private assertOpen(what: string): void {
    if (this.started) throw new ResponseStartedError(what);
  }
}
