/**
 * The events the dev server (webpack-server-actions/dev) sends to open pages, besides
 * webpack-hot-middleware's own: on its event stream, at this path. The two sides import this file.
 */
export const DEV_EVENTS_PATH = '/__webpack-server-actions/events';

export type DevEvent =
  /** The server and SSR bundles were loaded afresh: the page shows itself again, as the server renders it now. */
  | { action: 'wsa-server-update' }
  /** The last build failed: the page shows these errors (message and code frame) until a build succeeds. */
  | { action: 'wsa-problems'; errors: string[] }
  /** The last build succeeded. */
  | { action: 'wsa-ok' };
