/**
 * The requests of the runtime benchmark, and the two ways of serving each: the request helper
 * (`handleServerActionRequest`), and a baseline doing the least any server must do with the same
 * body: read it, decode it with React (`decodeReply`, `decodeReplyFromBusboy`, or `decodeAction` and
 * `decodeFormState` for a form), look the function up as React's own `requireModule` does (manifest
 * entry, then `__webpack_require__`), call it, and render a call's result with React's Flight server.
 * The baseline checks nothing: no Origin, no ID, no limits, no request scope.
 */
import type * as FlightServer from 'react-server-dom-webpack/server';
import { encodeReply } from 'react-server-dom-webpack/client';
import type busboyModule from 'busboy';
import type * as ServerRuntime from '../../dist/runtime/server';
import { memoryExchange, type MemoryResponse, type PreparedRequest } from './runtime-memory-http';

/** What the benchmark app's server entry exports (runtime-app.ts), as bundled. */
export interface RuntimeBenchBundle {
  runtime: typeof ServerRuntime;
  decodeReply: typeof FlightServer.decodeReply;
  decodeReplyFromBusboy: typeof FlightServer.decodeReplyFromBusboy;
  decodeAction: typeof FlightServer.decodeAction;
  decodeFormState: typeof FlightServer.decodeFormState;
  renderToPipeableStream: typeof FlightServer.renderToPipeableStream;
  busboy: typeof busboyModule;
  requireModule(moduleId: string | number): Record<string, unknown>;
}

export type RequestKind = 'call-text' | 'call-multipart' | 'form';

export interface BenchRequest {
  kind: RequestKind;
  /** For the tables: what the request is. */
  description: string;
  prepared: PreparedRequest;
}

const HOST = 'localhost:3000';

function headersFor(contentType: string, body: Buffer, actionId?: string): PreparedRequest['headers'] {
  return {
    host: HOST,
    origin: `http://${HOST}`,
    'sec-fetch-site': 'same-origin',
    'content-type': contentType,
    'content-length': String(body.length),
    ...(actionId === undefined ? {} : { accept: 'text/x-component', 'x-server-action': actionId }),
  };
}

/** A FormData as a browser sends it: the multipart body and its content type (with the boundary). */
async function multipart(formData: FormData): Promise<{ body: Buffer; contentType: string }> {
  const response = new Response(formData);
  return { body: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type')! };
}

/** The three requests, encoded as React's client encodes them; `ids` by function name. */
export async function prepareRequests(ids: Record<string, string>): Promise<BenchRequest[]> {
  const textArgs = await encodeReply(['Groceries', 3, { tags: ['home', 'weekly'], done: false, due: new Date('2025-06-01T09:00:00Z') }]);
  if (typeof textArgs !== 'string') throw new Error('encodeReply gave a FormData for plain arguments');
  const textBody = Buffer.from(textArgs);

  const photo = new File([new Uint8Array(4096).fill(7)], 'photo.jpg', { type: 'image/jpeg' });
  const fileArgs = await encodeReply([42, photo]);
  if (typeof fileArgs === 'string') throw new Error('encodeReply gave a string for a File argument');
  const fileCall = await multipart(fileArgs);

  // As React renders `<form action={createNote}>` without JavaScript: the hidden field first.
  const form = new FormData();
  form.append(`$ACTION_ID_${ids.createNote}`, '');
  form.append('title', 'Groceries');
  form.append('body', 'Milk, eggs, bread and a few apples for the week.');
  const formPost = await multipart(form);

  return [
    {
      kind: 'call-text',
      description: 'call, text body: `saveNote("Groceries", 3, { tags, done, due: Date })`',
      prepared: { url: '/notes', headers: headersFor('text/plain;charset=UTF-8', textBody, ids.saveNote), body: textBody },
    },
    {
      kind: 'call-multipart',
      description: 'call, multipart body: `attachFile(42, File of 4 KB)`',
      prepared: { url: '/notes', headers: headersFor(fileCall.contentType, fileCall.body, ids.attachFile), body: fileCall.body },
    },
    {
      kind: 'form',
      description: 'form post without JavaScript: `$ACTION_ID_` field + 2 fields → `createNote(formData)`',
      prepared: { url: '/notes', headers: headersFor(formPost.contentType, formPost.body), body: formPost.body },
    },
  ];
}

/** What serving one request gave: the response, and a form's return value (the app renders the page). */
export interface Served {
  response: MemoryResponse;
  returnValue?: unknown;
}

function failed(error: unknown): never {
  throw error instanceof Error ? error : new Error(String(error));
}

export async function serveWithHelper(bundle: RuntimeBenchBundle, request: BenchRequest, keepBody = false): Promise<Served> {
  const exchange = memoryExchange(request.prepared, keepBody);
  const result = await bundle.runtime.handleServerActionRequest(exchange.request, exchange.response, { onError: failed });
  if (result.kind === 'form' && result.status === 200) return { response: exchange.memoryResponse, returnValue: result.returnValue };
  if (result.kind !== 'call' || result.status !== 200) throw new Error(`The helper answered ${JSON.stringify(result)}`);
  await exchange.memoryResponse.finished();
  return { response: exchange.memoryResponse };
}
