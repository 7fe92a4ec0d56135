// The notes example in development: `npm run dev`. One process runs webpack in watch mode (the three
// compilers of webpack.config.example.js) and the example's server (server.js) on the bundles that
// webpack-server-actions/dev reloads after each build. Edits show in the open page without a restart:
// a server edit re-renders it in place, a client edit is applied by React Refresh, a failed build shows
// its errors in the page.
'use strict';
const { createDevServer } = require('webpack-server-actions/dev');
const { start } = require('./server');

const config = require('../../webpack.config.example.js');
const dev = createDevServer({ config });

dev.ready().then(() =>
  start(undefined, undefined, { bundles: () => dev.bundles(), middleware: dev.middleware }).then((server) => {
    const { address, port } = server.address();
    console.log(`Notes example (development) listening on http://${address}:${port}`);
  }),
);
