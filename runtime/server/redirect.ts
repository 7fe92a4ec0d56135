/** `redirect()`: how a server function sends the browser to another page once it has run. */
import { ServerActionRedirect } from './errors';

/**
 * Ends the server function and sends the browser to `location`: a path ("/notes/7"), or an absolute
 * http(s) URL. Call it from a server function that the request helper runs, outside any try/catch.
 * The location is used as given: never build it from request input without checking it (open redirect).
 */
export function redirect(location: string): never {
  throw new ServerActionRedirect(headerSafeLocation(location));
}

function headerSafeLocation(location: string): string {
  if (typeof location !== 'string' || location.trim() === '') {
    throw new TypeError('redirect() takes a URL: a path such as "/notes/7", or an absolute http(s) URL.');
  }
  let url: URL;
  try {
    url = new URL(location, 'http://relative.invalid/');
  } catch {
    throw new TypeError(`redirect() takes a URL; ${JSON.stringify(location.slice(0, 100))} is not one.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`redirect() goes to http(s) URLs only, not to a "${url.protocol}" URL.`);
  }
  // A header carries it: anything but printable ASCII is percent-encoded, as a browser would send it.
  try {
    return location.replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char));
  } catch {
    throw new TypeError('redirect() takes a URL; this one holds a lone surrogate, which no URL can.');
  }
}
