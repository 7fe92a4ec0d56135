// The app's callServer (the loader's `callServer` option points here): the package's default, then a
// refresh, so that the page shows what the server function changed.
import { callServer as defaultCallServer } from 'webpack-server-actions/client';
import { refresh } from './refresh';

export async function callServer(id, args) {
  try {
    return await defaultCallServer(id, args);
  } finally {
    refresh();
  }
}
