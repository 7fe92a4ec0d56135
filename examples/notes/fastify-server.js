// The notes example served by Fastify 5 instead of plain node:http (server.js): the same build, the
// same pages, the same server functions. `node examples/notes/fastify-server.js` after the build
// (`npx webpack --config webpack.config.example.js`). docs/servers.md walks through it.
'use strict';
const Fastify = require('fastify');
const { createReadStream, existsSync } = require('node:fs');
const { join, normalize, sep } = require('node:path');
const { loadBuild } = require('./express-server');

/**
 * An onRequest hook that answers server-function requests. Fastify reads a request's body with its
 * content-type parsers before the route's handler runs, so the request helper runs here, before
 * parsing, on the Node request and response (`request.raw`, `reply.raw`); a request it answered is
 * taken out of Fastify's hands with `reply.hijack()`. Anything else goes on to the route with the
 * helper's result in `request.serverAction`.
 */
function serverFunctions(build) {
  return async (request, reply) => {
    const result = await build.rsc.handleAction(request.raw, reply.raw, build.clientManifest);
    if (result.kind === 'call' || result.kind === 'redirect' || result.kind === 'refused') return reply.hijack();
    // A form post whose function threw (500), or whose state could not travel in a cookie: the page is
    // the answer. Rendered here, because its body is read and a route would make Fastify parse it.
    if (result.kind === 'form') {
      const page = { url: request.url, formState: result.formState, formError: result.error };
      return renderPage(build, request, reply, page, result.status);
    }
    // A form post that names no server function: the helper has read its body, and a content-type
    // parser would wait for it forever. Not a request this app takes.
    if (request.raw.readableEnded) return reply.code(405).header('allow', 'GET, POST').send();
    request.serverAction = result;
  };
}

/** The page as HTML, or as a Flight stream when the browser asks for one, on the Node response. */
async function renderPage({ rsc, ssr, clientManifest, ssrManifest, entrypoints }, request, reply, page, status = 200) {
  reply.hijack();
  try {
    await ssr.sendPage(request.raw, reply.raw, rsc.renderFlight(clientManifest, { ...page, cookie: request.headers.cookie }, console.error), {
      ssrManifest,
      bootstrapScripts: entrypoints.main,
      status,
      onError: console.error,
    });
  } catch (error) {
    // A hijacked reply is ours to end: Fastify's error handler no longer answers it.
    console.error(error);
    if (reply.raw.headersSent) reply.raw.destroy();
    else reply.raw.writeHead(500, { 'content-type': 'text/plain' }).end('Internal error');
  }
}

/** The pages, `/` and the permalink of its useActionState form, with the hook on their routes only. */
function pages(build) {
  return async (scope) => {
    scope.decorateRequest('serverAction', null);
    scope.addHook('onRequest', serverFunctions(build));
    const page = async (request, reply) => {
      if (request.method !== 'GET') return reply.header('allow', 'GET, POST').code(405).send();
      build.rsc.ensureSession(request.raw, reply.raw);
      return renderPage(build, request, reply, { url: request.url, formState: request.serverAction.formState });
    };
    scope.route({ method: ['GET', 'POST'], url: '/', handler: page });
    scope.route({ method: ['GET', 'POST'], url: '/name/update', handler: page });
  };
}

function createApp(build = loadBuild()) {
  const app = Fastify();
  // The browser bundle's scripts, by hand (@fastify/static does the same with more options).
  app.get('/assets/*', (request, reply) => {
    const root = join(build.dir, 'browser');
    const file = normalize(join(root, request.params['*']));
    if (!file.startsWith(root + sep) || !file.endsWith('.js') || !existsSync(file)) return reply.code(404).send('Not found');
    return reply.type('text/javascript; charset=utf-8').send(createReadStream(file));
  });
  app.register(pages(build));
  return app;
}

module.exports = { serverFunctions, pages, createApp };

if (require.main === module) {
  const app = createApp();
  app.listen({ port: Number(process.env.PORT || 3000), host: process.env.HOST || '127.0.0.1' }).then((address) => {
    console.log(`Notes example (Fastify) listening on ${address}`);
  });
}
