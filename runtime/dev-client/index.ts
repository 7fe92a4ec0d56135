/**
 * The page's side of the development loop, added to every entry of the browser bundle by
 * webpack-server-actions/dev (never by a production build). On the dev server's event stream:
 * - webpack-hot-middleware's client applies the browser bundle's hot updates (React Refresh keeps
 *   client components' state) and reloads the page when an update cannot be applied (an update that
 *   React Refresh hands back reloads it too: `reloadAfterInvalidatedUpdate`);
 * - after a server edit, `refresh()` fetches the page's Flight payload again and shows it in a
 *   transition: client state is kept, nothing reloads;
 * - a failed build shows its errors in a banner until a build succeeds.
 */
import { refresh, ROOT_ERROR_EVENT } from '../browser/index';
import { hideErrors, showErrors } from './error-banner';
import type { DevEvent } from './events';

interface HotModule {
  status(): string;
  addStatusHandler(handler: (status: string) => void): void;
  removeStatusHandler(handler: (status: string) => void): void;
}

// The path (DEV_EVENTS_PATH in events.ts) is spelled out: webpack resolves this request at build time,
// query included, and it must be this one request so that there is one hot client and one event stream.
const hotClient = require('webpack-hot-middleware/client?path=/__webpack-server-actions/events&reload=true&overlay=false') as {
  subscribe(handler: (event: DevEvent) => void): void;
};

// A server component that throws while the page refreshes: the page keeps its last tree, and says why.
window.addEventListener(ROOT_ERROR_EVENT, (event) => {
  const { error } = (event as CustomEvent<{ error: unknown }>).detail;
  showErrors('A server component failed while the page was refreshed: the page shows its last tree.', [
    String((error as Error)?.stack ?? error),
  ]);
});

reloadAfterInvalidatedUpdate();

hotClient.subscribe((event) => {
  if (event.action === 'wsa-problems') showErrors('Build failed: the page runs the last build that worked.', event.errors);
  else if (event.action === 'wsa-ok') hideErrors();
  else if (event.action === 'wsa-server-update') void refreshAfterHotUpdate();
});

/**
 * A server edit can come with a browser one (a new server function and the client component that calls
 * it): the hot update is applied first, so that the refreshed payload finds the client modules it names.
 */
async function refreshAfterHotUpdate(): Promise<void> {
  await hotUpdateSettled();
  applyPendingReactRefresh();
  try {
    await refresh();
  } catch (error) {
    showErrors('The page could not be refreshed after a server edit:', [String((error as Error)?.stack ?? error)]);
  }
}

function hotUpdateSettled(): Promise<void> {
  const hot = (module as unknown as { hot?: HotModule }).hot;
  if (!hot || ['idle', 'fail', 'abort'].includes(hot.status())) return Promise.resolve();
  return new Promise((resolve) => {
    const handler = (status: string) => {
      if (!['idle', 'fail', 'abort'].includes(status)) return;
      hot.removeStatusHandler(handler);
      resolve();
    };
    hot.addStatusHandler(handler);
  });
}

/**
 * React Refresh hands back an update it cannot apply (a client module that now exports more than
 * components, or other components than before) by invalidating the module while webpack applies the
 * update; webpack then applies the invalidation in a second pass, where the module's parent must accept
 * it. A client component that a server component renders has no parent that does (React's Flight client
 * required it), and webpack-hot-middleware's client ignores unaccepted modules without reloading: the
 * page kept running the old component. So a second pass (`dispose` again after `apply`, before `idle`)
 * reloads the page once webpack is done. It also reloads when a client component that imports the
 * module would have accepted it: a reload is never wrong, only slower.
 */
function reloadAfterInvalidatedUpdate(): void {
  const hot = (module as unknown as { hot?: HotModule }).hot;
  if (!hot) return;
  let applying = false;
  let invalidated = false;
  hot.addStatusHandler((status) => {
    if (status === 'apply') applying = true;
    else if (status === 'dispose' && applying) invalidated = true;
    else if (['idle', 'fail', 'abort'].includes(status)) {
      if (invalidated) window.location.reload();
      applying = invalidated = false;
    }
  });
}

let applyPendingReactRefresh: () => void = () => {};

/**
 * React Refresh maps a re-executed component to the one on screen only once it has performed the
 * refresh, which its webpack plugin schedules a moment after the hot update: a payload rendered before
 * that would remount every client component the update re-executed, and lose their state. The entry
 * used with React Refresh (react-refresh.ts) gives the bundle's React Refresh runtime here.
 */
export function applyReactRefreshWith(perform: () => void): void {
  applyPendingReactRefresh = perform;
}
