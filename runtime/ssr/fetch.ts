/**
 * webpack-server-actions/ssr/fetch: the SSR helper for Fetch API servers (Hono, Bun, Deno, workers),
 * on Web streams only, so that an edge build of the SSR bundle holds no Node built-in. The same page
 * as the Node helper (index.ts): the Flight payload injected as both stream (inject-payload.ts), or
 * the Flight stream itself for `Accept: text/x-component`.
 */
import type { ReactNode } from 'react';
import type { ReactFormState } from 'react-dom/client';
import { renderToReadableStream } from 'react-dom/server';
import { createFromReadableStream } from 'react-server-dom-webpack/client';
import { FLIGHT_CONTENT_TYPE, type PagePayload } from '../protocol';
import type { SsrManifest } from '../types';
import { acceptHeaderWantsFlight } from './accepts-flight';
import { createPayloadInjector } from './inject-payload';

export interface RenderHtmlReadableStreamOptions {
  /** React's SSR manifest (`react-ssr-manifest.json`, emitted by the SSR compiler). */
  ssrManifest: SsrManifest;
  /** The browser bundle's scripts, in order: usually `entrypoints.main` of `client-entrypoints.json`. */
  bootstrapScripts?: string[];
  /** A CSP nonce, put on the payload's scripts and on React's own. */
  nonce?: string;
  /** Errors while rendering the HTML (React's `onError`). */
  onError?: (error: unknown) => void;
  /** Stops rendering: what has not resolved renders in the browser. */
  signal?: AbortSignal;
}

/**
 * The HTML of a page's Flight stream, with the payload injected: resolves once the shell is ready,
 * rejects when the shell fails to render.
 */
export async function renderHtmlReadableStream(
  flight: ReadableStream<Uint8Array>,
  options: RenderHtmlReadableStreamOptions,
): Promise<ReadableStream<Uint8Array>> {
  const [forReact, forPage] = flight.tee();
  const encoder = new TextEncoder();
  let output!: ReadableStreamDefaultController<Uint8Array>;
  const html = new ReadableStream<Uint8Array>({ start: (controller) => void (output = controller) });
  const injector = createPayloadInjector(
    (chunk) => output.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk),
    options.nonce,
  );
  const fail = (error: unknown) => output.error(error);
  void pipeChunks(forPage, (chunk) => injector.flight(chunk)).then(() => injector.flightEnd(), fail);

  const { root, formState } = await createFromReadableStream<PagePayload>(forReact, {
    serverConsumerManifest: options.ssrManifest,
  });
  const react = await renderToReadableStream(root as ReactNode, {
    bootstrapScripts: options.bootstrapScripts,
    nonce: options.nonce,
    formState: formState as ReactFormState | null,
    onError: options.onError,
    signal: options.signal,
  });
  void pipeChunks(react, (chunk) => injector.html(chunk))
    .then(() => injector.htmlEnd())
    .then(() => output.close(), fail);
  return html;
}

export interface PageResponseOptions extends RenderHtmlReadableStreamOptions {
  /** The status of the answer. Default: 200 (a form post that threw renders its page with 500). */
  status?: number;
  /** More headers for the answer: a Content-Security-Policy, or the `headers` the Fetch request helper gave. */
  headers?: HeadersInit;
}

/**
 * The answer to a page request: HTML, or the Flight stream itself when the browser helper asks for it
 * (`Accept: text/x-component`); both with `Vary: Accept`. The request's signal stops rendering unless
 * `signal` is given. Rejects when the shell fails to render.
 */
export async function pageResponse(
  request: Request,
  flight: ReadableStream<Uint8Array>,
  options: PageResponseOptions,
): Promise<Response> {
  const headers = new Headers(options.headers);
  headers.set('vary', 'accept');
  const status = options.status ?? 200;
  if (acceptsFlight(request)) {
    headers.set('content-type', FLIGHT_CONTENT_TYPE);
    return new Response(flight, { status, headers });
  }
  const html = await renderHtmlReadableStream(flight, { ...options, signal: options.signal ?? request.signal });
  headers.set('content-type', 'text/html; charset=utf-8');
  return new Response(html, { status, headers });
}

/** Whether the request asks for a page's Flight stream rather than its HTML. */
export function acceptsFlight(request: Request): boolean {
  return acceptHeaderWantsFlight(request.headers.get('accept'));
}

/** Hands each chunk of `stream` to `take`, in order; resolves at its end. */
async function pipeChunks(stream: ReadableStream<Uint8Array>, take: (chunk: Uint8Array) => void): Promise<void> {
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    take(value);
  }
}

export type { PagePayload } from '../protocol';
export type { SsrManifest, ClientEntrypoints } from '../types';
