/**
 * React Flight in this process, both ways: render a model with a built server bundle, decode the payload
 * with React's browser client, and call server functions back through `encodeReply` and the bundle's
 * `decodeReply`, as the browser and the server would over HTTP.
 */

export type CallServer = (id: string, args: unknown[]) => Promise<unknown>;

// react-server-dom-webpack ships no types: what the tests use of its browser client.
export interface BrowserFlightClient {
  createFromReadableStream<T>(stream: ReadableStream<Uint8Array>, options: { callServer: CallServer }): Promise<T>;
  encodeReply(value: unknown): Promise<string | FormData>;
  createServerReference(id: string, callServer: CallServer): (...args: unknown[]) => Promise<unknown>;
}

/** What a fixture's server entry exposes: React's server API and the runtime, as bundled. */
export interface ServerBundle {
  runtime: {
    getServerActionsManifest(): Record<string, unknown>;
    readServerActionsManifest(): Record<string, unknown>;
    loadServerAction(id: string): Promise<((...args: unknown[]) => Promise<unknown>) & { $$id: string }>;
    [name: string]: any;
  };
  decodeReply(body: string | FormData, manifest: Record<string, unknown>): Promise<unknown[]>;
  renderToReadableStream(model: unknown, clientManifest: object, options?: { onError?: (error: unknown) => void }): ReadableStream<Uint8Array>;
  [name: string]: any;
}

let client: BrowserFlightClient | undefined;

/**
 * The browser build of React's Flight client. It reads webpack's `__webpack_require__` and
 * `__webpack_chunk_load__` when it loads, so they are stubbed for that moment only: the payloads decoded
 * here hold server references and data, never client components.
 */
export function browserFlightClient(): BrowserFlightClient {
  if (client) return client;
  const scope = globalThis as Record<string, unknown>;
  const saved = { require: scope.__webpack_require__, chunkLoad: scope.__webpack_chunk_load__ };
  scope.__webpack_require__ = Object.assign(
    () => {
      throw new Error('no client modules in these payloads');
    },
    { u: () => '' },
  );
  scope.__webpack_chunk_load__ = () => Promise.resolve();
  try {
    client = require('react-server-dom-webpack/client.browser') as BrowserFlightClient;
  } finally {
    for (const [name, value] of [
      ['__webpack_require__', saved.require],
      ['__webpack_chunk_load__', saved.chunkLoad],
    ] as const) {
      if (value === undefined) delete scope[name];
      else scope[name] = value;
    }
  }
  return client;
}

/**
 * The payload as bytes: it is not always text. In development, React adds the values that rendering
 * awaited as debug rows, and an ArrayBuffer (the sealing's `crypto.subtle.encrypt` result) is a binary
 * row that a round trip through a string would corrupt.
 */
export async function readBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    chunks.push(value);
  }
}

export function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** Renders a model with the bundle's Flight server; the payload and every error React reported. */
export async function renderFlight(
  server: ServerBundle,
  model: unknown,
  clientManifest: object = {},
): Promise<{ payload: Uint8Array; errors: unknown[] }> {
  const errors: unknown[] = [];
  const onError = (error: unknown) => {
    errors.push(error);
  };
  const payload = await readBytes(server.renderToReadableStream(model, clientManifest, { onError }));
  return { payload, errors };
}

/**
 * A call as the server gets it: React's browser `encodeReply` of the arguments (a bound reference's
 * values first, as the browser sends them), the bundle's `decodeReply` with the manifest it carries,
 * then the function the runtime resolves the ID to.
 */
export async function sendCall(server: ServerBundle, id: string, args: unknown[]): Promise<unknown> {
  return sendReply(server, id, await browserFlightClient().encodeReply(args));
}

/** The same with a body already encoded (or crafted). */
export async function sendReply(server: ServerBundle, id: string, body: string | FormData): Promise<unknown> {
  const decoded = await server.decodeReply(body, server.runtime.getServerActionsManifest());
  const action = await server.runtime.loadServerAction(id);
  return action(...decoded);
}

/** A `callServer` that sends every call to this bundle. */
export function callThrough(server: ServerBundle): CallServer {
  return (id, args) => sendCall(server, id, args);
}

export interface RecordedCall {
  id: string;
  args: unknown[];
}

/** A `callServer` that sends nothing: the call resolves to what the browser would have sent. */
export const recordCall: CallServer = async (id, args) => ({ id, args }) satisfies RecordedCall;

/** Decodes a payload as the browser does, with server references that call `callServer`. */
export function decodeInBrowser<T>(payload: Uint8Array, callServer: CallServer): Promise<T> {
  return browserFlightClient().createFromReadableStream<T>(streamOf(payload), { callServer });
}
