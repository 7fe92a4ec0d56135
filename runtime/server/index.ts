/**
 * webpack-server-actions/runtime: the server side. Import it from code that webpack bundles in the
 * server layer; the manifest comes with the bundle.
 */
export * from './portable';
export { handleServerActionRequest } from './handle-request';
export { renderPage, type RenderPageOptions, type PageFlightStream } from './render-page';
