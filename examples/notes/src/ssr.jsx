// Entry of the SSR bundle: turns a Flight stream into HTML, with client components rendered on the
// server. Server functions in the tree are React's node references, so forms render their hidden
// $ACTION_ fields and work before hydration.
import { use } from 'react';
import { renderToPipeableStream } from 'react-dom/server';
import { createFromNodeStream } from 'react-server-dom-webpack/client';

export function renderHTML(
  flightStream,
  { ssrManifest, bootstrapScriptContent, bootstrapScripts, formState, onShellReady, onError },
) {
  const tree = createFromNodeStream(flightStream, ssrManifest);
  function Root() {
    return use(tree);
  }
  return renderToPipeableStream(<Root />, { bootstrapScriptContent, bootstrapScripts, formState, onShellReady, onError });
}
