// Who is calling: every browser gets an anonymous session, a random ID in an HttpOnly cookie set by
// its first page view. A note records the session that created it, and only that session may delete
// it. Server functions are public endpoints: deleteNote authenticates the caller from the request the
// request helper runs it for (getServerActionContext), never from its arguments.
import { randomUUID } from 'node:crypto';
import { getServerActionContext } from 'webpack-server-actions/runtime';

const COOKIE = 'notes-session';
const SESSION_ID = /^[\w-]{16,64}$/;

export function readSession(request) {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [name, value] = pair.trim().split('=');
    if (name === COOKIE && SESSION_ID.test(value ?? '')) return value;
  }
  return null;
}

/** The session of the caller of the running server function, or null when it has none. */
export function callerSession() {
  // The context's cookies, on the Node helper and the Fetch one alike.
  const value = getServerActionContext().cookies.get(COOKIE);
  return value !== undefined && SESSION_ID.test(value) ? value : null;
}

/** Gives a browser without a session one, on a page view. */
export function ensureSession(request, response) {
  if (readSession(request) !== null) return;
  response.appendHeader('set-cookie', `${COOKIE}=${randomUUID()}; Path=/; HttpOnly; SameSite=Lax`);
}
