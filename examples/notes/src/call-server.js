// The app's callServer (the loader's `callServer` option points here): the package's, with the page
// re-rendered by the server handed to the root component, and a reload when the page is older than
// the server (its server functions are not known there any more, typically after a deploy).
import { createCallServer, ServerActionError } from 'webpack-server-actions/client';

let showRoot = null;

/** browser.jsx registers how to show a tree that came back with a call. */
export function onServerRoot(listener) {
  showRoot = listener;
}

const call = createCallServer({ onRoot: (root) => showRoot?.(root) });

export async function callServer(id, args) {
  try {
    return await call(id, args);
  } catch (error) {
    if (error instanceof ServerActionError && error.code === 'not-found') {
      window.location.reload();
      return new Promise(() => {});
    }
    throw error;
  }
}
