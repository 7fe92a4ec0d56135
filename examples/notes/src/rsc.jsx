// Entry of the server bundle (server layer, `react-server` condition): renders the page as a Flight
// stream and handles server-function requests.
import { handleServerActionFetch, handleServerActionRequest, renderPage, renderPageStream } from 'webpack-server-actions/runtime';
import App from './App';
import { callerUser, userOfCookieHeader } from './session';

export { ensureSession } from './session';
export { escapeForLog } from 'webpack-server-actions/runtime';

// What a failed no-JavaScript form post shows: the message in development only, as React does.
function describe(error) {
  return process.env.NODE_ENV === 'production' ? 'the server function failed.' : String(error?.message ?? error);
}

/**
 * The page's payload: the tree, and the form state that useActionState needs (the browser passes it
 * to hydrateRoot, SSR to renderToPipeableStream). Through Flight, the state can be anything React sends.
 * `cookie` is the request's Cookie header: who is signed in (the page for a signed-out user without it).
 */
export function renderFlight(clientManifest, { url, formState, formError, cookie }, onError) {
  const user = userOfCookieHeader(cookie);
  const root = <App url={url} formError={formError === undefined ? null : describe(formError)} user={user} />;
  return renderPage(root, { clientManifest, formState, onError });
}

// The same page as a Web ReadableStream, for a server built on the Fetch API (hono-server.js).
export function renderFlightStream(clientManifest, { url, formState, formError, cookie }, onError) {
  const user = userOfCookieHeader(cookie);
  const root = <App url={url} formError={formError === undefined ? null : describe(formError)} user={user} />;
  return renderPageStream(root, { clientManifest, formState, onError });
}

export function handleAction(request, response, clientManifest, { bodyTimeout } = {}) {
  return handleServerActionRequest(request, response, {
    clientManifest,
    bodyTimeout,
    // A call's answer carries the page re-rendered, so the browser shows new data at once.
    // Rendered for the signed-in user as the function left them (signIn and signOut change who it is).
    renderRoot: (actionRequest) => <App url={actionRequest.url} user={callerUser()} />,
    // A form posted without JavaScript ends on a GET of its page: a reload does not post again.
    redirectAfterFormPost: true,
    onError: (error) => console.error('server function failed:', error),
  });
}

// The same, for a server built on the Fetch API (a Request in, `{ response, result, headers }` out).
export function handleActionFetch(request, clientManifest, { bodyTimeout } = {}) {
  return handleServerActionFetch(request, {
    clientManifest,
    bodyTimeout,
    renderRoot: (actionRequest) => {
      const { pathname, search } = new URL(actionRequest.url);
      return <App url={pathname + search} user={callerUser()} />;
    },
    redirectAfterFormPost: true,
    onError: (error) => console.error('server function failed:', error),
  });
}
