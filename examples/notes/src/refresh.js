// Re-renders the page with fresh server data after a server function ran.
import { createFromFetch } from 'react-server-dom-webpack/client';
import { callServer } from './call-server';

let refresher = null;

export function setRefresher(next) {
  refresher = next;
}

export function refresh() {
  if (!refresher) return;
  const response = fetch(window.location.pathname, { headers: { Accept: 'text/x-component' } });
  refresher(createFromFetch(response, { callServer }));
}
