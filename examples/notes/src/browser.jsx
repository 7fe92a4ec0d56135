// Entry of the browser bundle: hydrates the page from the Flight payload the SSR helper injected, and
// shows the page again after every server function's answer (the server sends it with renderRoot).
import { hydrateApp } from 'webpack-server-actions/browser';

hydrateApp();
