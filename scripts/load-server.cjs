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
const { startFloor } = require('./load/floor-server.cjs');
const { Session } = require('node:inspector');

// The CPU profile of one round (load/cpu-share.ts reads it): the inspector's Profiler, in-process, so
// that it covers that round only and not the start-up or the rest of the load.
const inspector = new Session();
inspector.connect();
const post = (method, params) => new Promise((done, fail) => inspector.post(method, params, (error, result) => (error ? fail(error) : done(result))));
async function profile(command) {
  if (command === 'start') {
    await post('Profiler.enable');
    // 100 µs: a round of a few hundred requests at CI size still gives thousands of samples.
    await post('Profiler.setSamplingInterval', { interval: 100 });
    await post('Profiler.start');
    return null;
  }
  const { profile: taken } = await post('Profiler.stop');
  await post('Profiler.disable');
  return taken;
}

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

Promise.all([start(0, '127.0.0.1'), startFloor('127.0.0.1')]).then(([server, floorUrl]) => {
  process.on('message', (message) => {
    if (message?.type === 'stop') process.exit(0);
    // The server's CPU time so far (user + system, µs), asked before and after each round of the floor comparison.
    if (message?.type === 'cpu') return process.send({ type: 'cpu', id: message.id, cpu: process.cpuUsage() });
    if (message?.type === 'profile') {
      return profile(message.command).then(
        (taken) => process.send({ type: 'profile', id: message.id, profile: taken }),
        (error) => process.send({ type: 'profile', id: message.id, error: String(error?.stack ?? error) }),
      );
    }
    if (message?.type !== 'measure') return;
    measure(server).then((memory) => process.send({ type: 'memory', id: message.id, memory }));
  });
  const { address, port } = server.address();
  process.send({ type: 'listening', url: `http://${address}:${port}`, floorUrl });
});
