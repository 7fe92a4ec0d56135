// The notes example's HTTP server: plain Node, no framework. It loads the server (RSC) and SSR bundles
// that `webpack --config webpack.config.example.js` built, and serves the browser bundle. In development
// (dev.js) the same handler runs on the bundles that webpack-server-actions/dev keeps up to date.
'use strict';
const { createServer } = require('node:http');
const { readFileSync, existsSync, createReadStream } = require('node:fs');
const { join, normalize, resolve } = require('node:path');

const build = process.env.NOTES_BUILD_DIR ? resolve(process.env.NOTES_BUILD_DIR) : join(__dirname, 'build');

// The bundles and manifests of a production build, loaded once.
function loadBuild() {
  const readJson = (file) => JSON.parse(readFileSync(join(build, file), 'utf8'));
  return {
    rsc: require(join(build, 'server/rsc.js')),
    ssr: require(join(build, 'ssr/ssr.js')),
    clientManifest: readJson('browser/react-client-manifest.json'),
    ssrManifest: readJson('ssr/react-ssr-manifest.json'),
    entrypoints: readJson('browser/client-entrypoints.json'),
  };
}

function logError(error) {
  console.error(error);
}

// How long a request body may take to arrive (the request helper's default is 30 s).
const bodyTimeout = process.env.NOTES_BODY_TIMEOUT_MS ? Number(process.env.NOTES_BODY_TIMEOUT_MS) : undefined;

// One access-log line per POST: what the request helper did with it. The path is client input: it is
// escaped and cut short, so a request can neither forge log lines nor flood them.
function logPost(rsc, request, result) {
  const outcome =
    result.kind === 'refused' ? `refused ${result.code}` : result.kind === 'none' ? 'none' : `ran ${result.action.name}`;
  // A POST that is no server-function request is answered 405 below.
  const status = result.kind === 'none' ? 405 : result.status;
  console.log(`[notes] POST ${rsc.escapeForLog(request.url)} ${status} ${outcome}`);
}

// The pages the app renders: the home page, and the permalink of its useActionState form.
const PAGES = new Set(['/', '/name/update']);

// `page` is what the RSC side needs: the URL, after a form post its state or error, and the request's
// cookies (who is signed in). The SSR bundle answers with HTML, or with the Flight stream when the
// browser asks for it (a refresh, or a server function's redirect followed in place).
function renderPage({ rsc, ssr, clientManifest, ssrManifest, entrypoints }, request, response, page, status = 200) {
  return ssr.sendPage(request, response, rsc.renderFlight(clientManifest, { ...page, cookie: request.headers.cookie }, logError), {
    ssrManifest,
    bootstrapScripts: entrypoints.main,
    status,
    onError: logError,
  });
}

function serveAsset(request, response) {
  const file = normalize(join(build, 'browser', request.url.slice('/assets/'.length).split('?')[0]));
  if (!file.startsWith(join(build, 'browser')) || !existsSync(file) || !file.endsWith('.js')) {
    response.writeHead(404).end('Not found');
    return;
  }
  response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
  createReadStream(file).pipe(response);
}

// `bundles` is read per request: the dev server replaces them after each build.
async function handle(bundles, request, response) {
  if (request.method === 'GET' && request.url.startsWith('/assets/')) return serveAsset(request, response);
  const { rsc, clientManifest } = bundles;
  const result = await rsc.handleAction(request, response, clientManifest, { bodyTimeout });
  if (request.method === 'POST') logPost(rsc, request, result);
  // A call from callServer, a form post sent on with a redirect, or a refused request: answered.
  if (result.kind === 'call' || result.kind === 'redirect' || result.kind === 'refused') return;
  const url = request.url;
  // A form post that was not redirected: its server function threw (status 500), or its state could
  // not travel in a cookie. The page is the answer.
  if (result.kind === 'form') {
    return renderPage(bundles, request, response, { url, formState: result.formState, formError: result.error }, result.status);
  }
  if (request.method !== 'GET') return response.writeHead(405, { allow: 'GET, POST' }).end();
  if (!PAGES.has(new URL(url, 'http://localhost').pathname)) return response.writeHead(404).end('Not found');
  rsc.ensureSession(request, response);
  // formState: what a form posted without JavaScript and redirected here left for this page.
  return renderPage(bundles, request, response, { url, formState: result.formState });
}

/**
 * Starts the server. `bundles` gives the bundles for each request (default: the production build's);
 * `middleware` sees each request first, Connect-style (the dev server's).
 */
function start(port = Number(process.env.PORT || 3000), host = process.env.HOST || '127.0.0.1', { bundles, middleware } = {}) {
  if (!bundles) {
    const production = loadBuild();
    bundles = () => production;
  }
  const app = (request, response) => {
    handle(bundles(), request, response).catch((error) => {
      logError(error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('Internal error');
    });
  };
  const server = createServer(middleware ? (request, response) => middleware(request, response, () => app(request, response)) : app);
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

module.exports = { start };

if (require.main === module) {
  start().then((server) => {
    const { address, port } = server.address();
    console.log(`Notes example listening on http://${address}:${port}`);
  });
}
