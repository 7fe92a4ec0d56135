// The HTTP server, plain Node: it serves the browser bundle, lets the server bundle answer
// server-function requests, and answers pages with the SSR bundle. `node server.js --dev` (npm run
// dev) also runs webpack in watch mode in this process: edits show in the open page.
const { createServer } = require('node:http');
const { createReadStream, existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const build = path.join(__dirname, 'build');
const dev = process.argv.includes('--dev')
  ? require('webpack-server-actions/dev').createDevServer({ config: require('./webpack.config.js') })
  : null;
// The bundles and what the plugin wrote beside them: rebuilt after each edit in development.
const bundles = dev ? () => dev.bundles() : once(loadBuild);

async function handle(request, response) {
  const { pathname } = new URL(request.url, 'http://localhost');
  if (request.method === 'GET' && pathname.startsWith('/assets/')) return serveAsset(pathname, response);
  const { rsc, clientManifest } = bundles();

  // A call from the browser or a form post to a server function is answered here.
  const result = await rsc.handleAction(request, response, clientManifest);
  if (result.kind === 'call' || result.kind === 'redirect' || result.kind === 'refused') return;
  if (result.kind === 'form') {
    // A form posted without JavaScript whose function threw (500): the page shows the error.
    return sendPage(request, response, { formState: result.formState, formError: result.error }, result.status);
  }
  if (request.method !== 'GET') return response.writeHead(405, { allow: 'GET, POST' }).end();
  if (pathname !== '/') return response.writeHead(404).end('Not found');
  // formState: what a form post redirected here left for useActionState.
  return sendPage(request, response, { formState: result.formState }, 200);
}

// The page as HTML, or as a Flight stream when the browser asks for one.
function sendPage(request, response, afterFormPost, status) {
  const { rsc, ssr, clientManifest, ssrManifest, entrypoints } = bundles();
  const flight = rsc.renderFlight(clientManifest, afterFormPost);
  return ssr.sendPage(request, response, flight, { ssrManifest, bootstrapScripts: entrypoints.main, status });
}

function loadBuild() {
  const readJson = (file) => JSON.parse(readFileSync(path.join(build, file), 'utf8'));
  return {
    rsc: require('./build/server/rsc.js'),
    ssr: require('./build/ssr/ssr.js'),
    clientManifest: readJson('browser/react-client-manifest.json'),
    ssrManifest: readJson('ssr/react-ssr-manifest.json'),
    entrypoints: readJson('browser/client-entrypoints.json'),
  };
}

function once(load) {
  let loaded;
  return () => (loaded ??= load());
}

// The browser bundle's scripts, and nothing outside build/browser.
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
  const answer = () =>
    handle(request, response).catch((error) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500);
      response.end('Internal error');
    });
  // In development the dev server answers the browser's scripts and update events first.
  if (dev) dev.middleware(request, response, answer);
  else answer();
});
server.listen(Number(process.env.PORT || 3000), process.env.HOST || '127.0.0.1', () => {
  const { address, port } = server.address();
  console.log(`Listening on http://${address}:${port}`);
});
