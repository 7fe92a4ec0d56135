// The load test's floor: what an updateName call costs without server functions. One plain HTTP route,
// `POST /` with the new name as a text/plain body, served in the notes server's own process
// (load-server.cjs starts it beside the example's server) from the same built bundles: it writes the
// name to the same store file as the example's store.js does (read, change, write a temporary file,
// rename, one write at a time) and answers with the page's Flight stream rendered by the server
// bundle's renderFlight, as a call's answer carries the page re-rendered. What it leaves out is the
// request helper: no origin check, no action ID lookup, no decodeReply, no request context, no
// return value serialised beside the page.
'use strict';
const { createServer } = require('node:http');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

/** The store write of examples/notes/src/store.js (its `update`), for the name. */
function nameWriter(dataDir) {
  const file = join(dataDir, 'store.json');
  let queue = Promise.resolve();
  return (name) => {
    const run = queue.then(() => {
      const data = JSON.parse(readFileSync(file, 'utf8'));
      const before = JSON.stringify(data);
      data.name = name;
      if (JSON.stringify(data) === before) return;
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify(data, null, 2));
      renameSync(`${file}.tmp`, file);
    });
    queue = run.catch(() => {});
    return run;
  };
}

function readText(request) {
  return new Promise((done, fail) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}

/** Starts the floor on a port of its own; resolves with its URL. */
function startFloor(host = '127.0.0.1') {
  const build = resolve(process.env.NOTES_BUILD_DIR);
  // The same module instances as the example's server: require's cache holds the bundles it loaded.
  const rsc = require(join(build, 'server/rsc.js'));
  const clientManifest = JSON.parse(readFileSync(join(build, 'browser/react-client-manifest.json'), 'utf8'));
  const writeName = nameWriter(resolve(process.env.NOTES_DATA_DIR));
  const onError = (error) => console.error('floor: rendering failed:', error);
  const server = createServer((request, response) => {
    if (request.method !== 'POST') return response.writeHead(405).end();
    readText(request)
      .then(async (name) => {
        await writeName(name.slice(0, 100));
        response.writeHead(200, { 'content-type': 'text/x-component' });
        rsc.renderFlight(clientManifest, { url: '/', cookie: request.headers.cookie }, onError).pipe(response);
      })
      .catch((error) => {
        console.error('floor: the request failed:', error);
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
  });
  return new Promise((done) =>
    server.listen(0, host, () => {
      const { address, port } = server.address();
      done(`http://${address}:${port}`);
    }),
  );
}

module.exports = { startFloor };
