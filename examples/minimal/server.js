// The app's HTTP server: plain Node, no framework. `npm start` builds the bundles with webpack, then
// runs this file. It serves the browser bundle, lets the server bundle answer server-function
// requests, and renders the page to HTML with the SSR bundle.
'use strict';
const { createServer } = require('node:http');
const { createReadStream, existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const build = path.join(__dirname, 'build');
const readJson = (file) => JSON.parse(readFileSync(path.join(build, file), 'utf8'));

const rsc = require('./build/server/rsc.js'); // src/rsc.tsx: server components and server functions
const ssr = require('./build/ssr/ssr.js'); // src/ssr.ts: the page as HTML
// What the plugin wrote next to the bundles:
const clientManifest = readJson('browser/react-client-manifest.json'); // the client components, for rsc
const ssrManifest = readJson('ssr/react-ssr-manifest.json'); // the same components, for ssr
const entrypoints = readJson('browser/client-entrypoints.json'); // the browser bundle's scripts

async function handle(request, response) {
  const { pathname } = new URL(request.url, 'http://localhost');
  if (request.method === 'GET' && pathname.startsWith('/assets/')) return serveAsset(pathname, response);

  // A call from the browser, or a form posted to a server function: answered here. Anything else
  // comes back as `kind: 'none'`.
  const result = await rsc.handleAction(request, response, clientManifest);
  if (result.kind === 'call' || result.kind === 'redirect' || result.kind === 'refused') return;
  if (result.kind === 'form') {
    // A form posted without JavaScript that is answered with the page itself: its server function
    // threw (status 500, and the page shows the error), or its state was too big for a cookie.
    return sendPage(request, response, { formState: result.formState, formError: result.error }, result.status);
  }
  if (request.method !== 'GET') return response.writeHead(405, { allow: 'GET, POST' }).end();
  if (pathname !== '/') return response.writeHead(404).end('Not found');
  // `formState`: what a form post, redirected here, left for useActionState to show.
  return sendPage(request, response, { formState: result.formState }, 200);
}

// The page as HTML, or as a Flight stream when the browser asks for one (after a redirect).
function sendPage(request, response, afterFormPost, status) {
  const flight = rsc.renderFlight(clientManifest, afterFormPost);
  return ssr.sendPage(request, response, flight, { ssrManifest, bootstrapScripts: entrypoints.main, status });
}

// The browser bundle's scripts, and nothing else: the path must stay inside build/browser.
function serveAsset(pathname, response) {
  const root = path.join(build, 'browser');
  const file = path.join(root, pathname.slice('/assets/'.length));
  if (!file.startsWith(root + path.sep) || !file.endsWith('.js') || !existsSync(file)) {
    return response.writeHead(404).end('Not found');
  }
  response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
  createReadStream(file).pipe(response);
}

const server = createServer((request, response) => {
  handle(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
    response.end('Internal error');
  });
});

server.listen(Number(process.env.PORT || 3000), process.env.HOST || '127.0.0.1', () => {
  const { address, port } = server.address();
  console.log(`Minimal example listening on http://${address}:${port}`);
});
