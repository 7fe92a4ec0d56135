/**
 * A page's Flight stream as a Web `ReadableStream`, for Fetch API servers: the same payload as
 * renderPage (render-page.ts), rendered with React's `renderToReadableStream`, which the edge build of
 * react-server-dom-webpack has too.
 */
import { renderToReadableStream } from 'react-server-dom-webpack/server';
import type { PagePayload } from '../protocol';
import type { RenderPageOptions } from './render-page';

export function renderPageStream(
  root: unknown,
  options: RenderPageOptions & { signal?: AbortSignal },
): ReadableStream<Uint8Array> {
  const payload: PagePayload = { root, formState: options.formState ?? null };
  return renderToReadableStream(payload, options.clientManifest, { onError: options.onError, signal: options.signal });
}
