// Entry of the server bundle (built with the `react-server` condition): renders the page as a Flight
// stream, and runs the server functions that the browser calls and forms post.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleServerActionRequest, renderPage, type ClientManifest } from 'webpack-server-actions/runtime';
import App from './App';

/** After a form posted without JavaScript: the state useActionState shows, or what the function threw. */
export interface AfterFormPost {
  formState?: unknown;
  formError?: unknown;
}

/** The page as a Flight stream: the tree, and the form state that SSR and the browser pass to React. */
export function renderFlight(clientManifest: ClientManifest, { formState, formError }: AfterFormPost = {}) {
  const root = <App formError={formError === undefined ? null : describe(formError)} />;
  return renderPage(root, { clientManifest, formState });
}

/** Answers the request if it calls a server function, and says what it did (`result.kind`). */
export function handleAction(request: IncomingMessage, response: ServerResponse, clientManifest: ClientManifest) {
  return handleServerActionRequest(request, response, {
    clientManifest,
    // A call's answer carries the page as it is after the call: the browser shows it.
    renderRoot: () => <App />,
    // A form posted without JavaScript is answered with a redirect to its page (303), so that
    // reloading the page does not post the form again.
    redirectAfterFormPost: true,
  });
}

// Error messages can hold secrets: the page shows them in development only, as React does.
function describe(error: unknown): string {
  if (process.env.NODE_ENV === 'production') return 'the server function failed.';
  return error instanceof Error ? error.message : String(error);
}
