// Entry of the SSR bundle: renders the page's Flight stream to HTML, with the payload injected for
// hydration, client components rendered on the server, and the forms' hidden $ACTION_ fields so that
// they work before hydration. The helper is bundled here so that it loads client components through
// this bundle's own runtime.
export { sendPage } from 'webpack-server-actions/ssr';
// The same for a server built on the Fetch API (hono-server.js): a Request in, a Response out.
export { pageResponse } from 'webpack-server-actions/ssr/fetch';
