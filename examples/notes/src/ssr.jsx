// Entry of the SSR bundle: turns the page's Flight stream into HTML, with client components rendered
// on the server. Server functions in the tree are React's node references, so forms render their
// hidden $ACTION_ fields and work before hydration.
import { renderToPipeableStream } from 'react-dom/server';
import { createFromNodeStream } from 'react-server-dom-webpack/client';

export async function renderHTML(flightStream, { ssrManifest, bootstrapScriptContent, bootstrapScripts, onShellReady, onError }) {
  const { root, formState } = await createFromNodeStream(flightStream, ssrManifest);
  return renderToPipeableStream(root, { bootstrapScriptContent, bootstrapScripts, formState, onShellReady, onError });
}
