// The notes example's HTTP server: plain Node, no framework. It loads the server (RSC) and SSR bundles
// that `webpack --config webpack.config.example.js` built, and serves the browser bundle.
'use strict';
const { createServer } = require('node:http');
const { readFileSync, existsSync, createReadStream } = require('node:fs');
const { join, normalize, resolve } = require('node:path');

const build = process.env.NOTES_BUILD_DIR ? resolve(process.env.NOTES_BUILD_DIR) : join(__dirname, 'build');
const rsc = require(join(build, 'server/rsc.js'));
const ssr = require(join(build, 'ssr/ssr.js'));
const clientManifest = JSON.parse(readFileSync(join(build, 'browser/react-client-manifest.json'), 'utf8'));
const ssrManifest = JSON.parse(readFileSync(join(build, 'ssr/react-ssr-manifest.json'), 'utf8'));
const entrypoints = JSON.parse(readFileSync(join(build, 'browser/client-entrypoints.json'), 'utf8'));

function logError(error) {
  console.error(error);
}

// How long a request body may take to arrive (the request helper's default is 30 s).
const bodyTimeout = process.env.NOTES_BODY_TIMEOUT_MS ? Number(process.env.NOTES_BODY_TIMEOUT_MS) : undefined;

// One access-log line per POST: what the request helper did with it. The path is client input: it is
// escaped and cut short, so a request can neither forge log lines nor flood them.
function logPost(request, result) {
  const outcome =
    result.kind === 'refused' ? `refused ${result.code}` : result.kind === 'none' ? 'none' : `ran ${result.action.name}`;
  // A POST that is no server-function request is answered 405 below.
  const status = result.kind === 'none' ? 405 : result.status;
  console.log(`[notes] POST ${rsc.escapeForLog(request.url)} ${status} ${outcome}`);
}

// The pages the app renders: the home page, and the permalink of its useActionState form.
const PAGES = new Set(['/', '/name/update']);

// `page` is what the RSC side needs: the URL, and after a form post its state or error. The SSR
// bundle answers with HTML, or with the Flight stream when the browser asks for it (a refresh, or a
// server function's redirect followed in place).
function renderPage(request, response, page, status = 200) {
  return ssr.sendPage(request, response, rsc.renderFlight(clientManifest, page, logError), {
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

async function handle(request, response) {
  if (request.method === 'GET' && request.url.startsWith('/assets/')) return serveAsset(request, response);
  const result = await rsc.handleAction(request, response, clientManifest, { bodyTimeout });
  if (request.method === 'POST') logPost(request, result);
  // A call from callServer, a form post sent on with a redirect, or a refused request: answered.
  if (result.kind === 'call' || result.kind === 'redirect' || result.kind === 'refused') return;
  const url = request.url;
  // A form post that was not redirected: its server function threw (status 500), or its state could
  // not travel in a cookie. The page is the answer.
  if (result.kind === 'form') {
    return renderPage(request, response, { url, formState: result.formState, formError: result.error }, result.status);
  }
  if (request.method !== 'GET') return response.writeHead(405, { allow: 'GET, POST' }).end();
  if (!PAGES.has(new URL(url, 'http://localhost').pathname)) return response.writeHead(404).end('Not found');
  rsc.ensureSession(request, response);
  // formState: what a form posted without JavaScript and redirected here left for this page.
  return renderPage(request, response, { url, formState: result.formState });
}

function start(port = Number(process.env.PORT || 3000), host = process.env.HOST || '127.0.0.1') {
  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      logError(error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('Internal error');
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

module.exports = { start };

if (require.main === module) {
  start().then((server) => {
    const { address, port } = server.address();
    console.log(`Notes example listening on http://${address}:${port}`);
  });
}
