/**
 * Run in each compilation's `finishMake`: agree with the other compilations of the build on which
 * modules each one must contain, and add them (see build-coordinator.ts for the protocol).
 */
import type { Compilation, Compiler } from 'webpack';
import type { BuildCoordinator } from './build-coordinator';
import { askedOf, requiredModules, takeSnapshot, type CompilationSnapshot } from './compilation-snapshot';
import { discoverUnstartedPeers } from './discover-peers';
import { includeModule } from './include-modules';
import { includesLostSinceLastCompilation, rememberIncludes } from '../bundler/includes';

export async function settleModuleGraphs(
  coordinator: BuildCoordinator,
  compiler: Compiler,
  compilation: Compilation,
): Promise<CompilationSnapshot> {
  const discovering = discoverUnstartedPeers(coordinator, compiler, compilation);
  const lostIncludes = includesLostSinceLastCompilation(compiler);
  const included = new Set<string>();
  const attempted = new Set<string>();
  let added: number | null = null;
  let snapshot: CompilationSnapshot | undefined;
  for (;;) {
    // A round that added nothing left the graph as it was: its snapshot still holds.
    if (added !== 0 || !snapshot) snapshot = takeSnapshot(compilation);
    const round = await coordinator.arrive(compiler, snapshot, added);
    if (round.settled) {
      rememberIncludes(compilation, included);
      coordinator.leave(compiler, round, askedOf(snapshot, round.snapshots));
      await discovering;
      return snapshot;
    }
    added = 0;
    const includes: Promise<void>[] = [];
    for (const { layer, webpackLayer, resources } of requiredModules(snapshot, round.snapshots, lostIncludes)) {
      for (const request of resources) {
        const key = `${webpackLayer ?? ''}\0${request}`;
        if (attempted.has(key)) continue;
        attempted.add(key);
        included.add(`${layer}\0${request}`);
        added += 1;
        includes.push(includeModule(compilation, request, webpackLayer));
      }
    }
    await Promise.all(includes);
  }
}
