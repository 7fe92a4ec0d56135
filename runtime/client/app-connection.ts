/**
 * Where `callServer` meets the app that the browser helper hydrated (webpack-server-actions/browser):
 * the helper connects how to show a new tree and how to navigate, and every `callServer` made without
 * its own `onRoot`/`onRedirect` (the default one included) uses them. One page holds one app.
 */
export interface ConnectedApp {
  /**
   * Called as a request that may bring a tree starts (a call, a refresh, a navigation); the function it
   * returns shows that tree once it has come, unless the tree of a request started later is already on
   * screen: answers can arrive out of order, and the older tree must not win.
   */
  startRender(): (root: unknown) => void;
  /** Goes to the page a server function redirected to, in place. */
  navigate(location: string): Promise<void>;
  /** The page is older than the server: a call named `actionId`, which the server does not know. */
  stale(actionId: string): void;
}

let connected: ConnectedApp | null = null;

export function connectApp(app: ConnectedApp): () => void {
  connected = app;
  return () => {
    if (connected === app) connected = null;
  };
}

export function connectedApp(): ConnectedApp | null {
  return connected;
}
