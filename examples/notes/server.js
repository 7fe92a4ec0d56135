// The notes example's HTTP server: plain Node, no framework. It loads the server (RSC) and SSR bundles
// that `webpack --config webpack.config.example.js` built, and serves the browser bundle.
'use strict';
const { createServer } = require('node:http');
const { readFileSync, existsSync, createReadStream } = require('node:fs');
const { join, normalize } = require('node:path');
const { PassThrough } = require('node:stream');

const build = join(__dirname, 'build');
const rsc = require(join(build, 'server/rsc.js'));
const ssr = require(join(build, 'ssr/ssr.js'));
const clientManifest = JSON.parse(readFileSync(join(build, 'browser/react-client-manifest.json'), 'utf8'));
const ssrManifest = JSON.parse(readFileSync(join(build, 'ssr/react-ssr-manifest.json'), 'utf8'));

function logError(error) {
  console.error(error);
}

function flightStream() {
  return rsc.renderFlight(clientManifest, logError).pipe(new PassThrough());
}

// The payload as bytes: a Flight stream is not always UTF-8 text (typed arrays travel as binary rows,
// and development builds add some of their own), so it is never decoded as a string here.
async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// The payload is embedded in a script, base64 of its bytes; other values as JSON, escaped so that
// nothing can end the script element. React emits it before the bootstrap script, after the doctype
// (a script written before it means quirks mode).
function inlineGlobal(name, value) {
  const json = JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `window.${name}=${json};`;
}

async function renderPage(response, { status = 200, formState = null } = {}) {
  const payload = await readAll(flightStream());
  const fromPayload = new PassThrough();
  fromPayload.end(payload);
  const html = ssr.renderHTML(fromPayload, {
    ssrManifest,
    formState,
    bootstrapScriptContent:
      inlineGlobal('__FLIGHT_PAYLOAD__', payload.toString('base64')) + inlineGlobal('__FORM_STATE__', formState),
    bootstrapScripts: ['/assets/main.js'],
    onShellReady() {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      html.pipe(response);
    },
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
  const result = await rsc.handleAction(request, response, clientManifest);
  if (result.kind === 'call') return;
  if (result.kind === 'form') return renderPage(response, { formState: result.formState });
  if (request.method !== 'GET') return response.writeHead(405, { allow: 'GET, POST' }).end();
  if ((request.headers.accept || '').includes('text/x-component')) {
    response.writeHead(200, { 'content-type': 'text/x-component' });
    return flightStream().pipe(response);
  }
  return renderPage(response);
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
