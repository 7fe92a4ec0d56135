// The notes example served by the Fetch API request helper (handleServerActionFetch) behind a minimal
// Node bridge (IncomingMessage -> Request -> Response, helpers/fetch-app.ts), with server.js's access
// log and pages: what the hostile-request suite runs against besides server.js itself. Run by Node as
// a child process (tsx loads the TypeScript bridge).
'use strict';
require('tsx/cjs');
const { createServer } = require('node:http');
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { toRequest, writeResponse } = require('./fetch-app.ts');

const build = resolve(process.env.NOTES_BUILD_DIR);
const readJson = (file) => JSON.parse(readFileSync(join(build, file), 'utf8'));
const rsc = require(join(build, 'server/rsc.js'));
const ssr = require(join(build, 'ssr/ssr.js'));
const clientManifest = readJson('browser/react-client-manifest.json');
const ssrManifest = readJson('ssr/react-ssr-manifest.json');
const entrypoints = readJson('browser/client-entrypoints.json');
const bodyTimeout = process.env.NOTES_BODY_TIMEOUT_MS ? Number(process.env.NOTES_BODY_TIMEOUT_MS) : undefined;
const PAGES = new Set(['/', '/name/update']);

function renderPage(request, response, page, status = 200) {
  return ssr.sendPage(request, response, rsc.renderFlight(clientManifest, { ...page, cookie: request.headers.cookie }, console.error), {
    ssrManifest,
    bootstrapScripts: entrypoints.main,
    status,
    onError: console.error,
  });
}

async function handle(incoming, outgoing) {
  const { response, result, headers } = await rsc.handleActionFetch(toRequest(incoming, outgoing), clientManifest, { bodyTimeout });
  if (incoming.method === 'POST') {
    const outcome = result.kind === 'refused' ? `refused ${result.code}` : result.kind === 'none' ? 'none' : `ran ${result.action.name}`;
    console.log(`[notes] POST ${rsc.escapeForLog(incoming.url)} ${result.kind === 'none' ? 405 : result.status} ${outcome}`);
  }
  if (response) return writeResponse(response, outgoing);
  for (const cookie of headers.getSetCookie()) outgoing.appendHeader('set-cookie', cookie);
  headers.forEach((value, name) => name !== 'set-cookie' && outgoing.setHeader(name, value));
  const url = incoming.url;
  if (result.kind === 'form') {
    return renderPage(incoming, outgoing, { url, formState: result.formState, formError: result.error }, result.status);
  }
  if (incoming.method !== 'GET') return outgoing.writeHead(405, { allow: 'GET, POST' }).end();
  if (!PAGES.has(new URL(url, 'http://localhost').pathname)) return outgoing.writeHead(404).end('Not found');
  rsc.ensureSession(incoming, outgoing);
  return renderPage(incoming, outgoing, { url, formState: result.formState });
}

const server = createServer((incoming, outgoing) => {
  handle(incoming, outgoing).catch((error) => {
    console.error(error);
    if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'text/plain' });
    outgoing.end('Internal error');
  });
});
server.listen(Number(process.env.PORT || 0), process.env.HOST || '127.0.0.1', () => {
  const { address, port } = server.address();
  console.log(`Notes example (Fetch helper) listening on http://${address}:${port}`);
});
