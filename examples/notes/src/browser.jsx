// Entry of the browser bundle: hydrates the server-rendered page from the Flight payload embedded in it.
import { startTransition, use, useEffect, useState } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { createFromReadableStream } from 'react-server-dom-webpack/client';
import { callServer } from './call-server';
import { setRefresher } from './refresh';

// The server embeds the payload's bytes as base64 (see server.js).
function payloadStream() {
  const bytes = Uint8Array.from(atob(window.__FLIGHT_PAYLOAD__ ?? ''), (char) => char.charCodeAt(0));
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

const initial = createFromReadableStream(payloadStream(), { callServer });

function Root() {
  const [tree, setTree] = useState(initial);
  useEffect(() => setRefresher((next) => startTransition(() => setTree(next))), []);
  return use(tree);
}

hydrateRoot(document, <Root />, { formState: window.__FORM_STATE__ ?? null });
