// The notes example's server as scripts/load.ts runs it: in a process of its own, so that what it
// measures is the server's memory, not the load generator's. Started with `node --expose-gc` and an
// IPC channel; it tells the parent where it listens, and answers each `measure` message with
// process.memoryUsage() taken after full garbage collections, so that samples compare what the server
// retains rather than when V8 last happened to collect.
//
// The parent closes its connections before it asks, and the measurement waits until the server has
// seen them all close: an idle keep-alive connection keeps its last answer's render alive (the
// socket's timer was created inside React's AsyncLocalStorage context and holds that context), so
// with connections open a sample would weigh whatever each socket answered last.
'use strict';
const path = require('node:path');
const { setImmediate: nextTurn, setTimeout: delay } = require('node:timers/promises');

if (typeof global.gc !== 'function' || typeof process.send !== 'function') {
  console.error('scripts/load-server.cjs: run it with `node --expose-gc` as a child process with an IPC channel.');
  process.exit(2);
}

const { start } = require(path.join(__dirname, '../examples/notes/server.js'));

const connections = (server) => new Promise((resolve) => server.getConnections((error, count) => resolve(error ? -1 : count)));

async function measure(server) {
  // Connections the client closed a moment ago may not have been seen closing yet.
  for (let waited = 0; waited < 5000 && (await connections(server)) > 0; waited += 10) await delay(10);
  // A second collection after a turn of the event loop: what the first left to weak callbacks and
  // finalizers is collected too.
  global.gc();
  await nextTurn();
  global.gc();
  return { ...process.memoryUsage(), connections: await connections(server) };
}

// The parent went away (it finished, or crashed): nothing is left to answer.
process.on('disconnect', () => process.exit(0));

start(0, '127.0.0.1').then((server) => {
  process.on('message', (message) => {
    if (message?.type === 'stop') process.exit(0);
    if (message?.type !== 'measure') return;
    measure(server).then((memory) => process.send({ type: 'memory', id: message.id, memory }));
  });
  const { address, port } = server.address();
  process.send({ type: 'listening', url: `http://${address}:${port}` });
});
