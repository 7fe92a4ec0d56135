/**
 * Form state across a redirect after POST. A form posted without JavaScript is answered with
 * `303 See Other` to the URL it was posted to (when the app asks for it), so that reloading the page it
 * lands on does not post again; the state `useActionState` must show there travels in a short-lived
 * cookie, Flight-serialised and sealed (AES-GCM, bound to that URL, with its expiry), and the GET
 * clears it.
 */
import type { ActionRequest } from './action-request';
import { decodeFlight, encodeFlight } from './flight-text';
import { open, seal } from './seal';

export const FORM_STATE_COOKIE = 'wsa-form-state';

// Browsers keep cookies of about 4 KB: state larger than this is rendered in the POST's answer instead.
const MAX_COOKIE_LENGTH = 4000;
const LIFETIME_SECONDS = 60;

function attributes(request: ActionRequest<unknown>, maxAge: number): string {
  const secure = request.encrypted ? '; Secure' : '';
  return `Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

/**
 * The Set-Cookie value that carries `formState` to the page at `url`, or null when it cannot travel
 * that way (too large, or holding something Flight cannot send from here, such as a client component).
 */
export async function formStateCookie(request: ActionRequest<unknown>, formState: unknown, url: string): Promise<string | null> {
  const text = await encodeFlight(formState);
  if (typeof text !== 'string') return null;
  // The expiry is sealed in too: Max-Age binds browsers only, not a copy of the cookie.
  const expires = Date.now() + LIFETIME_SECONDS * 1000;
  const sealed = await seal('form state', url, `${expires}:${text}`);
  const cookie = `${FORM_STATE_COOKIE}=${sealed}; ${attributes(request, LIFETIME_SECONDS)}`;
  return cookie.length <= MAX_COOKIE_LENGTH ? cookie : null;
}

/**
 * The form state a redirected post left for this request's URL, or null, and the Set-Cookie line that
 * clears the cookie (null when there was none): it is cleared either way, so the state shows once and
 * a reload shows the page as it is.
 */
export async function takeFormState(request: ActionRequest<unknown>): Promise<{ formState: unknown; clear: string | null }> {
  const sealed = readCookie(request.header('cookie'), FORM_STATE_COOKIE);
  if (sealed === undefined) return { formState: null, clear: null };
  const clear = `${FORM_STATE_COOKIE}=; ${attributes(request, 0)}`;
  const opened = await open('form state', samePageLocation(request.target), sealed);
  const separator = opened?.indexOf(':') ?? -1;
  if (opened == null || separator === -1 || !(Number(opened.slice(0, separator)) > Date.now())) return { formState: null, clear };
  try {
    return { formState: await decodeFlight(opened.slice(separator + 1)), clear };
  } catch {
    return { formState: null, clear };
  }
}

/**
 * Where to send the browser back to after a form post: the path and query it posted to, always on
 * this host. A request target may start with `//host` or `/\host`, which a browser would read as
 * another host's address (an open redirect): those slashes collapse to one. An absolute-form target
 * (`http://host/path`, as sent to proxies) gives its path and query.
 */
export function samePageLocation(url = '/'): string {
  let target = url;
  if (/^[a-z][a-z\d+.-]*:/i.test(url)) {
    try {
      const parsed = new URL(url);
      target = parsed.pathname + parsed.search;
    } catch {
      target = '/';
    }
  }
  return `/${target.replace(/^[/\\]+/, '')}`;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator !== -1 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return undefined;
}
