// Entry of the SSR bundle: renders the page's Flight stream to HTML (client components included) with
// the payload the browser hydrates from. It lives in this bundle, not in server.js, so that React
// loads the client components through this bundle's own webpack runtime.
export { sendPage } from 'webpack-server-actions/ssr';
