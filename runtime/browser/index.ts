/**
 * webpack-server-actions/browser: the browser bundle's side of a page, in one call. `hydrateApp()`
 * reads the Flight payload that the SSR helper injected into the HTML, hydrates the page with it
 * (`formState` included, for `useActionState` after a form post), and connects the app to
 * `callServer`: the tree a server function's answer carries is shown, a redirect goes to its page in
 * place, and a call to a server function the server no longer knows reloads the page. `refresh()`
 * shows the current page again, as the server renders it now.
 */
import { createElement, startTransition, useEffect, useState, type ReactNode } from 'react';
import { hydrateRoot, type HydrationOptions, type ReactFormState } from 'react-dom/client';
import { createFromFetch, createFromReadableStream } from 'react-server-dom-webpack/client';
import { callServer as defaultCallServer, type CallServer } from '../client/index';
import { connectApp } from '../client/app-connection';
import { FLIGHT_CONTENT_TYPE, type PagePayload } from '../protocol';
import { keepLastGoodTree } from './keep-last-good-tree';
import { readPagePayload } from './read-page-payload';

export interface HydrateAppOptions extends Pick<HydrationOptions, 'identifierPrefix' | 'onRecoverableError' | 'onCaughtError' | 'onUncaughtError'> {
  /** What the server rendered: the document (default) when the app renders `<html>`, or its container element. */
  container?: Document | Element;
  /** The `callServer` that the loader's `callServer` option names, if it names one. Default: the package's. */
  callServer?: CallServer;
}

// How recently a reload for the same unknown server function may have happened before another is
// refused: a page that still names it after a reload would otherwise reload for ever.
const STALE_RELOAD_PAUSE = 10_000;
const STALE_RELOAD_KEY = 'webpack-server-actions:stale-reload';

let showRoot: (root: unknown) => void = () => {};
let callServer: CallServer = defaultCallServer;
// The URL of the page on screen, to tell a Back to another page from a Back to an anchor.
let shownUrl = '';

/** Hydrates the page from its injected payload; resolves once React has started hydrating. */
export async function hydrateApp(options: HydrateAppOptions = {}): Promise<void> {
  callServer = options.callServer ?? defaultCallServer;
  const { root, formState } = await createFromReadableStream<PagePayload>(readPagePayload(), { callServer });
  connectApp({ startRender, navigate, stale: reloadOnce });
  shownUrl = window.location.href;
  window.addEventListener('popstate', () => {
    // Back to an anchor of the same page: the page is already there.
    const sameDocument = withoutHash(window.location.href) === withoutHash(shownUrl);
    shownUrl = window.location.href;
    if (!sameDocument) refresh().catch(() => window.location.reload());
  });
  const { container = document, callServer: _, ...reactOptions } = options;
  hydrateRoot(container, createElement(AppRoot, { initial: root as ReactNode }), {
    ...reactOptions,
    formState: formState as ReactFormState | null,
  });
}

/** Shows the current page as the server renders it now (a full reload if it does not answer with Flight). */
export async function refresh(): Promise<void> {
  const show = startRender();
  const page = await fetchPage(window.location.href);
  if (page) show(page.payload.root);
  else window.location.reload();
}

/**
 * Goes to `location` in place: its payload is fetched and shown, and it becomes the current history
 * entry. Another origin, or a page that does not answer with Flight, gets a full navigation.
 */
export async function navigate(location: string): Promise<void> {
  const requested = new URL(location, window.location.href);
  const show = startRender();
  const page = requested.origin === window.location.origin ? await fetchPage(requested.href) : null;
  if (!page) {
    window.location.assign(requested.href);
    return new Promise<never>(() => {});
  }
  // Where the fetch ended, after the server's own redirects, with the hash it asked for.
  const url = new URL(page.url);
  url.hash = requested.hash;
  const samePage = url.pathname === window.location.pathname && url.search === window.location.search;
  window.history.pushState(null, '', url.href);
  shownUrl = url.href;
  show(page.payload.root);
  if (!samePage && !url.hash) window.scrollTo(0, 0);
}

// Requests that may bring a tree are numbered as they start; a tree is shown only if no request
// started after its own has had its tree shown already.
let started = 0;
let onScreen = 0;

function startRender(): (root: unknown) => void {
  const ticket = ++started;
  return (root) => {
    if (ticket < onScreen) return;
    onScreen = ticket;
    showRoot(root);
  };
}

function AppRoot({ initial }: { initial: ReactNode }): ReactNode {
  const [root, setRoot] = useState(initial);
  useEffect(() => {
    showRoot = (next) => startTransition(() => setRoot(next as ReactNode));
  }, []);
  return keepLastGoodTree(root);
}

async function fetchPage(url: string): Promise<{ payload: PagePayload; url: string } | null> {
  const response = await fetch(url, { headers: { Accept: FLIGHT_CONTENT_TYPE } });
  if (!(response.headers.get('content-type') ?? '').startsWith(FLIGHT_CONTENT_TYPE)) return null;
  const payload = await createFromFetch<PagePayload>(Promise.resolve(response), { callServer });
  return { payload, url: response.url || url };
}

function withoutHash(href: string): string {
  const url = new URL(href);
  url.hash = '';
  return url.href;
}

/**
 * Reloads the page, unless the same unknown function made it reload a moment ago: a page that still
 * names it after a reload would otherwise reload for ever. Another function (a second edit, a second
 * deploy) reloads it again.
 */
function reloadOnce(actionId: string): void {
  try {
    const last = JSON.parse(sessionStorage.getItem(STALE_RELOAD_KEY) ?? 'null') as { id?: unknown; at?: unknown } | null;
    if (last?.id === actionId && Date.now() - Number(last.at) < STALE_RELOAD_PAUSE) return;
    sessionStorage.setItem(STALE_RELOAD_KEY, JSON.stringify({ id: actionId, at: Date.now() }));
  } catch {
    // No session storage (a sandboxed frame): reload without the guard.
  }
  window.location.reload();
}

export { readPagePayload } from './read-page-payload';
export { ROOT_ERROR_EVENT } from './keep-last-good-tree';
export type { PagePayload } from '../protocol';
