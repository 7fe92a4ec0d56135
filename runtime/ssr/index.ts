/**
 * webpack-server-actions/ssr: the SSR bundle's side of a page. Import it from the SSR bundle's entry
 * (so that React's Flight client in it loads client components through that bundle's runtime):
 * - `renderHtmlStream` renders a page's Flight stream to an HTML stream, with the payload injected
 *   as both stream (inject-payload.ts), so that the browser helper hydrates from it;
 * - `sendPage` answers a page request with it, or with the Flight stream itself when the browser
 *   helper asks for one (a refresh, or a navigation after a redirect).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough, Readable, Writable } from 'node:stream';
import type { ReactNode } from 'react';
import type { ReactFormState } from 'react-dom/client';
import { renderToPipeableStream } from 'react-dom/server';
import { createFromNodeStream } from 'react-server-dom-webpack/client';
import { FLIGHT_CONTENT_TYPE, type PagePayload } from '../protocol';
import type { SsrManifest } from '../types';
import { acceptHeaderWantsFlight } from './accepts-flight';
import { createPayloadInjector } from './inject-payload';

/** A Flight stream: React's `renderToPipeableStream(...)` result, or a Node readable of its bytes. */
export interface FlightSource {
  pipe<T extends NodeJS.WritableStream>(destination: T): T;
}

export interface RenderHtmlOptions {
  /** React's SSR manifest (`react-ssr-manifest.json`, emitted by the SSR compiler). */
  ssrManifest: SsrManifest;
  /**
   * The browser bundle's scripts, in order: usually `entrypoints.main` of `client-entrypoints.json`
   * (emitted by the browser compiler), or URLs of your own.
   */
  bootstrapScripts?: string[];
  /** A CSP nonce, put on the payload's scripts and on React's own (bootstrap, Suspense). */
  nonce?: string;
  /** Errors while rendering the HTML (React's `onError`); the shell's error also rejects the promise. */
  onError?: (error: unknown) => void;
  /**
   * Stops rendering (React's `abort`): what has not resolved by then renders on the client. Pass
   * `AbortSignal.timeout(ms)` to bound a page's time, or the request's signal.
   */
  signal?: AbortSignal;
}

/**
 * Renders a page's Flight stream (its payload `{ root, formState }`, see PagePayload) to HTML:
 * resolves with the HTML stream once the shell is ready, so that a status and headers can still be
 * set; rejects when the shell itself fails to render.
 */
export async function renderHtmlStream(flight: FlightSource, options: RenderHtmlOptions): Promise<Readable> {
  const forReact = new PassThrough();
  const forPage = new PassThrough();
  const source = flight.pipe(new PassThrough());
  source.pipe(forReact);
  source.pipe(forPage);

  const html = new PassThrough();
  const injector = createPayloadInjector((chunk) => html.write(chunk), options.nonce);
  forPage.on('data', (chunk: Buffer) => injector.flight(chunk));
  forPage.on('end', () => injector.flightEnd());
  forPage.on('error', (error) => html.destroy(error));

  const { root, formState } = await createFromNodeStream<PagePayload>(forReact, options.ssrManifest, {
    nonce: options.nonce,
  });
  return new Promise<Readable>((resolve, reject) => {
    const react = renderToPipeableStream(root as ReactNode, {
      bootstrapScripts: options.bootstrapScripts,
      nonce: options.nonce,
      formState: formState as ReactFormState | null,
      onShellReady() {
        react.pipe(
          new Writable({
            // React stops a flush where write() returns false: its flushes are kept whole.
            highWaterMark: Number.MAX_SAFE_INTEGER,
            write(chunk: Buffer, _encoding, done) {
              injector.html(chunk);
              done();
            },
            final(done) {
              stopListening();
              injector.htmlEnd().then(() => {
                html.end();
                done();
              }, done);
            },
          }),
        );
        resolve(html);
      },
      onShellError(error) {
        stopListening();
        reject(error);
      },
      onError: options.onError,
    });
    // A signal may outlive many pages (a server's shutdown signal): each page stops listening at its end.
    const { signal } = options;
    const abort = () => react.abort(signal?.reason);
    const stopListening = () => signal?.removeEventListener('abort', abort);
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
  });
}

export interface SendPageOptions extends RenderHtmlOptions {
  /** The status of the answer. Default: 200 (a form post that threw renders its page with 500). */
  status?: number;
  /** More headers for the answer, such as a Content-Security-Policy. */
  headers?: Record<string, string>;
}

/**
 * Answers a page request with the page: as HTML, or as its Flight stream when the browser helper
 * asks for it (`Accept: text/x-component`, for a refresh or a navigation). Rejects, with nothing
 * sent, when the shell fails to render.
 */
export async function sendPage(
  request: IncomingMessage,
  response: ServerResponse,
  flight: FlightSource,
  options: SendPageOptions,
): Promise<void> {
  // The two answers differ by the Accept header: caches must keep them apart.
  const headers = { ...options.headers, vary: 'accept' };
  if (acceptsFlight(request)) {
    response.writeHead(options.status ?? 200, { ...headers, 'content-type': FLIGHT_CONTENT_TYPE });
    flight.pipe(response);
    return;
  }
  const html = await renderHtmlStream(flight, options);
  response.writeHead(options.status ?? 200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
  html.pipe(response);
}

/** Whether the request asks for a page's Flight stream rather than its HTML. */
export function acceptsFlight(request: IncomingMessage): boolean {
  return acceptHeaderWantsFlight(request.headers.accept);
}

export type { PagePayload } from '../protocol';
export type { SsrManifest, ClientEntrypoints } from '../types';
