/**
 * A page's Flight stream: the payload that the SSR helper renders to HTML and the browser helper
 * hydrates from (PagePayload). Typed here, so that an app needs no declarations of its own for
 * react-server-dom-webpack, which ships none.
 */
import type { Writable } from 'node:stream';
import { renderToPipeableStream } from 'react-server-dom-webpack/server';
import type { PagePayload } from '../protocol';
import type { ClientManifest } from '../types';

export interface RenderPageOptions {
  /** The client manifest (`react-client-manifest.json`), to render client components. */
  clientManifest: ClientManifest;
  /** What the request helper's result gave for `useActionState` after a form post (`result.formState`). */
  formState?: unknown;
  /** Errors while rendering (React's `onError`). */
  onError?: (error: unknown) => void;
}

/** React's Flight stream of a page: pipe it to a response, or hand it to the SSR helper. */
export interface PageFlightStream {
  pipe<T extends Writable>(destination: T): T;
  abort(reason?: unknown): void;
}

export function renderPage(root: unknown, options: RenderPageOptions): PageFlightStream {
  const payload: PagePayload = { root, formState: options.formState ?? null };
  return renderToPipeableStream(payload, options.clientManifest, { onError: options.onError });
}
