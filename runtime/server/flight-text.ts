/**
 * Server-side values as Flight text and back, inside the server bundle: React's own serialiser, so a
 * value can be anything React can send (Dates, Maps, promises, server functions…). Used for what the
 * server hands the browser to keep and give back: captured values, and form state across a redirect.
 * Client components cannot be among the values: this side has no client manifest to name them with.
 */
import { createFromReadableStream } from 'react-server-dom-webpack/client';
import { renderToReadableStream } from 'react-server-dom-webpack/server';
import { getServerActionsManifest } from './manifest';

const NO_CLIENT_REFERENCES = new Proxy(
  {},
  {
    get(_target, key) {
      if (typeof key === 'symbol') return undefined;
      throw new Error('it is (or holds) a client component or client reference, which cannot be sent this way.');
    },
  },
);

/** The Flight text of a value, or the first error React reported while serialising it. */
export async function encodeFlight(value: unknown): Promise<string | Error> {
  let failure: Error | undefined;
  const stream = renderToReadableStream(value, NO_CLIENT_REFERENCES, {
    onError(error: unknown) {
      failure ??= error instanceof Error ? error : new Error(String(error));
    },
  });
  const text = await readText(stream);
  return failure ?? text;
}

async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
  }
}

/** The value back from Flight text; server functions among it are the functions of this bundle. */
export async function decodeFlight(text: string): Promise<unknown> {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
  return createFromReadableStream(stream, {
    serverConsumerManifest: { moduleMap: {}, serverModuleMap: getServerActionsManifest(), moduleLoading: null },
  });
}
