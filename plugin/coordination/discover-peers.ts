/**
 * Compilers that run one after another (`dependencies` between the configs, or `parallelism` below
 * their number) cannot meet at the barrier: the one that runs first would settle alone and lack what
 * the others need of it. So, when a compilation reaches the barrier while a compiler of the build has
 * not made a module graph yet, that compiler's graph is made now, in a compilation that goes as far
 * as `finishMake` (where it meets this one at the barrier) and is then dropped, never sealed or
 * emitted. When that compiler runs for real, it finds the settled snapshot of the first one and adds
 * the same modules, so a build in sequence emits what a build in parallel emits. The cost: the make
 * phase of those compilers runs twice in their first build (the second time from webpack's memory
 * cache, when it is on). Rspack cannot: there the build fails with what to change
 * (bundler/sequential-compilers.ts).
 */
import type { Compilation, Compiler } from 'webpack';
import { canMakeGraphsAhead, reportSequentialCompilers } from '../bundler/sequential-compilers';
import type { BuildCoordinator } from './build-coordinator';

export function discoverUnstartedPeers(coordinator: BuildCoordinator, compiler: Compiler, compilation: Compilation): Promise<void> {
  const peers = coordinator.unstartedPeers(compiler);
  if (peers.length > 0 && !canMakeGraphsAhead(compiler)) {
    reportSequentialCompilers(compilation, peers);
    return Promise.resolve();
  }
  // All of them wait at the barrier before any of them gets there.
  for (const peer of peers) coordinator.starting(peer);
  return Promise.all(peers.map((peer) => makeGraph(coordinator, peer))).then(() => undefined);
}

/** `Compiler.compile` up to `finishMake`, whose hook (the plugin's) settles the graph at the barrier. */
function makeGraph(coordinator: BuildCoordinator, peer: Compiler): Promise<void> {
  return new Promise((resolve) => {
    const finished = () => {
      coordinator.stopped(peer);
      resolve();
    };
    const params = peer.newCompilationParams();
    peer.hooks.beforeCompile.callAsync(params, (beforeError) => {
      if (beforeError) return finished();
      peer.hooks.compile.call(params);
      const compilation = peer.newCompilation(params);
      peer.hooks.make.callAsync(compilation, (makeError) => {
        if (makeError) return finished();
        peer.hooks.finishMake.callAsync(compilation, finished);
      });
    });
  });
}
