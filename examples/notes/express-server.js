// The notes example served by Express 5 instead of plain node:http (server.js): the same build, the
// same pages, the same server functions. `node examples/notes/express-server.js` after the build
// (`npx webpack --config webpack.config.example.js`). docs/servers.md walks through it.
'use strict';
const express = require('express');
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const defaultBuild = process.env.NOTES_BUILD_DIR ? resolve(process.env.NOTES_BUILD_DIR) : join(__dirname, 'build');

/** The bundles and manifests of a production build. */
function loadBuild(dir = defaultBuild) {
  const readJson = (file) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  return {
    dir,
    rsc: require(join(dir, 'server/rsc.js')),
    ssr: require(join(dir, 'ssr/ssr.js')),
    clientManifest: readJson('browser/react-client-manifest.json'),
    ssrManifest: readJson('ssr/react-ssr-manifest.json'),
    entrypoints: readJson('browser/client-entrypoints.json'),
  };
}

// How long a request body may take to arrive (the request helper's default is 30 s).
const bodyTimeout = process.env.NOTES_BODY_TIMEOUT_MS ? Number(process.env.NOTES_BODY_TIMEOUT_MS) : undefined;

// One access-log line per POST, as server.js prints it: what the request helper did with it. The path
// is client input: it is escaped and cut short, so a request can neither forge log lines nor flood them.
function logPost(rsc, req, res, result) {
  const log = (status, outcome) => console.log(`[notes] POST ${rsc.escapeForLog(req.originalUrl)} ${status} ${outcome}`);
  if (result.kind === 'refused') log(result.status, `refused ${result.code}`);
  else if (result.kind !== 'none') log(result.status, `ran ${result.action.name}`);
  // No server-function request: the routes after the middleware answer it (405 on the pages, else 404).
  else res.once('close', () => log(res.statusCode, 'none'));
}

/**
 * Middleware that answers server-function requests: calls from the browser and forms posted without
 * JavaScript. It must see the request before any body parser (express.json(), express.urlencoded(),
 * express.text(), express.raw()): the helper reads the body itself, within its limits, and throws
 * ServerActionBodyConsumedError when a parser got there first. Anything else goes on to the next
 * handler with the helper's result in `res.locals.serverAction`.
 */
function serverFunctions({ rsc, clientManifest }) {
  return async (req, res, next) => {
    // Express 5 passes a rejection on to the error handler: a thrown error answers 500.
    const result = await rsc.handleAction(req, res, clientManifest, { bodyTimeout });
    if (req.method === 'POST') logPost(rsc, req, res, result);
    // A call, a form post sent on with a redirect, or a refused request: answered.
    if (result.kind === 'call' || result.kind === 'redirect' || result.kind === 'refused') return;
    res.locals.serverAction = result;
    next();
  };
}

/** The page as HTML, or as a Flight stream when the browser asks for one (a refresh, a redirect). */
function renderPage({ rsc, ssr, clientManifest, ssrManifest, entrypoints }, req, res, page, status = 200) {
  return ssr.sendPage(req, res, rsc.renderFlight(clientManifest, { ...page, cookie: req.headers.cookie }, console.error), {
    ssrManifest,
    bootstrapScripts: entrypoints.main,
    status,
    onError: console.error,
  });
}

/** The pages: `/` and the permalink of its useActionState form, after a form post too. */
function pages(build) {
  const router = express.Router();
  router.all(['/', '/name/update'], async (req, res) => {
    const result = res.locals.serverAction;
    // A form post that was not redirected: its server function threw (500), or its state could not
    // travel in a cookie. The page is the answer.
    if (result.kind === 'form') {
      const page = { url: req.originalUrl, formState: result.formState, formError: result.error };
      return renderPage(build, req, res, page, result.status);
    }
    if (req.method !== 'GET') return res.set('allow', 'GET, POST').sendStatus(405);
    build.rsc.ensureSession(req, res);
    // formState: what a form posted without JavaScript and redirected here left for useActionState.
    return renderPage(build, req, res, { url: req.originalUrl, formState: result.formState });
  });
  return router;
}

function createApp(build = loadBuild()) {
  const app = express();
  // The browser bundle's scripts (only scripts: its manifests stay on the server).
  app.use('/assets', (req, res, next) => (req.path.endsWith('.js') ? next() : res.sendStatus(404)));
  app.use('/assets', express.static(join(build.dir, 'browser'), { index: false, fallthrough: false }));
  app.use(serverFunctions(build));
  // Body parsers go after the server functions, or on the routes that need them:
  // app.post('/api/search', express.json(), search);
  app.use(pages(build));
  app.use((error, req, res, next) => {
    console.error(error);
    if (res.headersSent) return next(error);
    res.status(500).type('text/plain').send('Internal error');
  });
  return app;
}

module.exports = { loadBuild, serverFunctions, pages, createApp };

if (require.main === module) {
  const server = createApp().listen(Number(process.env.PORT || 3000), process.env.HOST || '127.0.0.1', () => {
    const { address, port } = server.address();
    console.log(`Notes example (Express) listening on http://${address}:${port}`);
  });
}
