// The notes example served by Hono on Node (@hono/node-server) instead of plain node:http (server.js):
// the same build, the same pages, the same server functions, through the Fetch API helpers (a Request
// in, a Response out) as on Bun, Deno or a worker. `node examples/notes/hono-server.js` after the build
// (`npx webpack --config webpack.config.example.js`). docs/servers.md walks through it.
'use strict';
const { serve } = require('@hono/node-server');
const { serveStatic } = require('@hono/node-server/serve-static');
const { Hono } = require('hono');
const { join } = require('node:path');
const { loadBuild } = require('./express-server');

/**
 * Middleware that answers server-function requests: calls from the browser and forms posted without
 * JavaScript. It hands the helper the request as it came (`c.req.raw`), before anything reads its
 * body. Anything else goes on with the helper's result and the headers the page must carry.
 */
function serverFunctions({ rsc, clientManifest }) {
  return async (c, next) => {
    const { response, result, headers } = await rsc.handleActionFetch(c.req.raw, clientManifest);
    // A call, a form post sent on with a redirect, or a refused request: answered.
    if (response) return response;
    c.set('serverAction', { result, headers });
    await next();
  };
}

/** The page as HTML, or as a Flight stream when the browser asks for one (a refresh, a redirect). */
function renderPage({ rsc, ssr, clientManifest, ssrManifest, entrypoints }, request, headers, page, status = 200) {
  const cookie = request.headers.get('cookie') ?? undefined;
  const flight = rsc.renderFlightStream(clientManifest, { ...page, cookie }, console.error);
  return ssr.pageResponse(request, flight, {
    ssrManifest,
    bootstrapScripts: entrypoints.main,
    status,
    headers,
    onError: console.error,
  });
}

/** The pages: `/` and the permalink of its useActionState form, after a form post too. */
function pages(build) {
  return async (c) => {
    const { result, headers } = c.get('serverAction');
    const { pathname, search } = new URL(c.req.url);
    const url = pathname + search;
    // A form post that was not redirected: its server function threw (500), or its state could not
    // travel in a cookie. The page is the answer.
    if (result.kind === 'form') {
      return renderPage(build, c.req.raw, headers, { url, formState: result.formState, formError: result.error }, result.status);
    }
    if (c.req.method !== 'GET') return c.body(null, 405, { allow: 'GET, POST' });
    // ensureSession writes on a Node response: here it appends to the page's headers.
    build.rsc.ensureSession({ headers: { cookie: c.req.header('cookie') } }, { appendHeader: (name, value) => headers.append(name, value) });
    // formState: what a form posted without JavaScript and redirected here left for useActionState.
    return renderPage(build, c.req.raw, headers, { url, formState: result.formState });
  };
}

function createApp(build = loadBuild()) {
  const app = new Hono();
  // The browser bundle's scripts (only scripts: its manifests stay on the server).
  app.use('/assets/*', async (c, next) => (c.req.path.endsWith('.js') ? next() : c.notFound()));
  app.use('/assets/*', serveStatic({ root: join(build.dir, 'browser'), rewriteRequestPath: (path) => path.slice('/assets'.length) }));
  app.use(serverFunctions(build));
  app.on(['GET', 'POST'], ['/', '/name/update'], pages(build));
  app.onError((error, c) => {
    console.error(error);
    return c.text('Internal error', 500);
  });
  return app;
}

module.exports = { serverFunctions, pages, createApp };

if (require.main === module) {
  const app = createApp();
  const port = Number(process.env.PORT || 3000);
  serve({ fetch: app.fetch, port, hostname: process.env.HOST || '127.0.0.1' }, ({ address, port }) => {
    console.log(`Notes example (Hono) listening on http://${address}:${port}`);
  });
}
