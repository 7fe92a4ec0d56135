// Entry of the browser bundle: hydrates the page the server rendered, and shows the page again when a
// server function's answer brings it (renderRoot in rsc.tsx).
import { hydrateApp } from 'webpack-server-actions/browser';

hydrateApp();
