// Who is calling. Server functions are public endpoints: they authenticate the caller from the request
// the request helper runs them for (getServerActionContext), never from their arguments.
// - The signed-in user: a name (no password: a demo) in the `notes-user` cookie, signed by the server
//   (signed-token.js), so that a browser cannot forge it or change the name. A note written while
//   signed in records its author, and only that user, signed in, may delete it.
// - The anonymous session: every browser gets a random ID in an HttpOnly cookie on its first page
//   view. A note written while signed out records it, and only that browser may delete the note.
import { randomUUID } from 'node:crypto';
import { deleteCookie, getServerActionContext, setCookie } from 'webpack-server-actions/runtime';
import { signToken, verifyToken } from './signed-token';

const COOKIE = 'notes-session';
const SESSION_ID = /^[\w-]{16,64}$/;
const USER_COOKIE = 'notes-user';
const USER_PURPOSE = 'notes signed-in user';
const USER_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** A Cookie header's cookies by name, as sent; the first of a name wins, as in browsers' order. */
function parseCookies(header) {
  const cookies = new Map();
  for (const pair of (header ?? '').split(';')) {
    const equals = pair.indexOf('=');
    const name = pair.slice(0, equals).trim();
    if (equals > 0 && !cookies.has(name)) cookies.set(name, pair.slice(equals + 1).trim());
  }
  return cookies;
}

export function readSession(request) {
  const value = parseCookies(request.headers.cookie).get(COOKIE);
  return value !== undefined && SESSION_ID.test(value) ? value : null;
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

// What signIn or signOut did during a request: the answer to a call renders the page for the cookie
// the browser will send next, not for the one this request came with. Keyed by the request object.
const userSetDuringRequest = new WeakMap();

/** Signs the caller in as `name` (checked by the caller): the signed cookie goes on the answer. */
export async function startUserSession(name) {
  setCookie(USER_COOKIE, await signToken(USER_PURPOSE, name, USER_MAX_AGE_SECONDS), { maxAge: USER_MAX_AGE_SECONDS });
  userSetDuringRequest.set(getServerActionContext().request, name);
}

/** Signs the caller out: the answer deletes the cookie. */
export function endUserSession() {
  deleteCookie(USER_COOKIE);
  userSetDuringRequest.set(getServerActionContext().request, null);
}

/**
 * The name of the signed-in user calling the running server function (or whose call's answer is
 * rendering), or null: signed out, or a cookie that is forged, edited or expired.
 */
export async function callerUser() {
  const { request, cookies } = getServerActionContext();
  if (userSetDuringRequest.has(request)) return userSetDuringRequest.get(request);
  return verifyToken(USER_PURPOSE, cookies.get(USER_COOKIE));
}

/** The signed-in user of a page view, from its Cookie header, or null. */
export function userOfCookieHeader(header) {
  return verifyToken(USER_PURPOSE, parseCookies(header).get(USER_COOKIE));
}
