/**
 * Run in each compilation's `finishMake`: agree with the other compilations of the build on which
 * modules each one must contain, and add them (see build-coordinator.ts for the protocol).
 */
import type { Compilation, Compiler } from 'webpack';
import type { BuildCoordinator } from './build-coordinator';
import { askedOf, requiredModules, takeSnapshot, type CompilationSnapshot } from './compilation-snapshot';
import { discoverUnstartedPeers } from './discover-peers';
import { includeModule } from './include-modules';

export async function settleModuleGraphs(
  coordinator: BuildCoordinator,
  compiler: Compiler,
  compilation: Compilation,
): Promise<CompilationSnapshot> {
  const discovering = discoverUnstartedPeers(coordinator, compiler, compilation);
  const attempted = new Set<string>();
  let added: number | null = null;
  let snapshot: CompilationSnapshot | undefined;
  for (;;) {
    // A round that added nothing left the graph as it was: its snapshot still holds.
    if (added !== 0 || !snapshot) snapshot = takeSnapshot(compilation);
    const round = await coordinator.arrive(compiler, snapshot, added);
    if (round.settled) {
      coordinator.leave(compiler, round, askedOf(snapshot, round.snapshots));
      await discovering;
      return snapshot;
    }
    added = 0;
    const includes: Promise<void>[] = [];
    for (const { webpackLayer, resources } of requiredModules(snapshot, round.snapshots)) {
      for (const request of resources) {
        const key = `${webpackLayer ?? ''}\0${request}`;
        if (attempted.has(key)) continue;
        attempted.add(key);
        added += 1;
        includes.push(includeModule(compilation, request, webpackLayer));
      }
    }
    await Promise.all(includes);
  }
}
