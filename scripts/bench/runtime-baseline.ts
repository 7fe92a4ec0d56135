/**
 * The baseline the request helper is compared with: the least a server must do to serve a
 * server-function request with React, on the same in-memory request. Read the body, decode it with
 * React, find the function as React's `requireModule` does (`manifest[id]`, then `__webpack_require__`),
 * call it, and for a call render `{ returnValue }` with `renderToPipeableStream`; for a form, React's
 * `decodeAction` then `decodeFormState`, as the helper does, and the app renders the page. No checks.
 */
import type { IncomingMessage } from 'node:http';
import type { ServerManifest } from 'react-server-dom-webpack/server';
import { memoryExchange, type PreparedRequest } from './runtime-memory-http';
import type { BenchRequest, RuntimeBenchBundle, Served } from './runtime-requests';

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.once('error', reject);
  });
}

function readMultipartForm(bundle: RuntimeBenchBundle, request: IncomingMessage): Promise<FormData> {
  return new Promise((resolve, reject) => {
    const formData = new FormData();
    const parser = bundle.busboy({ headers: request.headers });
    parser.on('field', (name, value) => formData.append(name, value));
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => formData.append(name, new File(chunks.map((chunk) => new Uint8Array(chunk)), info.filename ?? 'blob', { type: info.mimeType })));
    });
    parser.on('close', () => resolve(formData));
    parser.on('error', reject);
    request.pipe(parser);
  });
}

async function decodeArguments(bundle: RuntimeBenchBundle, request: IncomingMessage, manifest: ServerManifest): Promise<unknown[]> {
  if (request.headers['content-type']!.startsWith('multipart/form-data')) {
    const parser = bundle.busboy({ headers: request.headers });
    const decoded = bundle.decodeReplyFromBusboy<unknown[]>(parser, manifest);
    request.pipe(parser);
    return decoded;
  }
  return bundle.decodeReply<unknown[]>(await readBody(request), manifest);
}

/** `manifest[id]` and `__webpack_require__(entry.id)[entry.name]`, as React's requireModule. */
async function lookUp(bundle: RuntimeBenchBundle, manifest: ServerManifest, id: string) {
  const entry = manifest[id];
  const moduleExports = await bundle.requireModule(entry.id);
  return moduleExports[entry.name] as (...args: unknown[]) => Promise<unknown>;
}

export async function serveWithBaseline(
  bundle: RuntimeBenchBundle,
  manifest: ServerManifest,
  request: BenchRequest,
  keepBody = false,
): Promise<Served> {
  const exchange = memoryExchange(request.prepared, keepBody);
  if (request.kind === 'form') {
    const formData = await readMultipartForm(bundle, exchange.request);
    const run = await bundle.decodeAction(formData, manifest)!;
    const returnValue = await run();
    await bundle.decodeFormState(returnValue, formData, manifest);
    return { response: exchange.memoryResponse, returnValue };
  }
  const args = await decodeArguments(bundle, exchange.request, manifest);
  const fn = await lookUp(bundle, manifest, request.prepared.headers['x-server-action'] as string);
  const payload = { returnValue: await fn(...args) };
  exchange.response.writeHead(200, { 'content-type': 'text/x-component' });
  bundle.renderToPipeableStream(payload, {}).pipe(exchange.response);
  await exchange.memoryResponse.finished();
  return { response: exchange.memoryResponse };
}

/** The in-memory exchange alone: make the pair, stream the body through, end the response. */
export async function serveNothing(prepared: PreparedRequest): Promise<void> {
  const exchange = memoryExchange(prepared);
  await readBody(exchange.request);
  exchange.response.end();
  await exchange.memoryResponse.finished();
}
