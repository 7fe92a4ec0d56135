// Entry of the browser bundle: hydrates the server-rendered page from the Flight payload embedded in it.
import { startTransition, useEffect, useState } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { createFromReadableStream } from 'react-server-dom-webpack/client';
import { callServer, onServerRoot } from './call-server';

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

// The tree the server rendered, until a server function's answer brings a newer one.
function Root({ initial }) {
  const [root, setRoot] = useState(initial);
  useEffect(() => onServerRoot((next) => startTransition(() => setRoot(next))), []);
  return root;
}

createFromReadableStream(payloadStream(), { callServer }).then(({ root, formState }) => {
  hydrateRoot(document, <Root initial={root} />, { formState });
});
