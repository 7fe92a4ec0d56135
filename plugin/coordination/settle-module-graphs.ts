/**
 * Run in each compilation's `finishMake`: agree with the other compilations of the build on which
 * modules each one must contain, and add them (see build-coordinator.ts for the protocol).
 */
import type { Compilation, Compiler } from 'webpack';
import { addError } from '../build-problems';
import type { BuildCoordinator } from './build-coordinator';
import { missingModules, requiredModules, takeSnapshot, type CompilationSnapshot } from './compilation-snapshot';
import { discoverUnstartedPeers } from './discover-peers';
import { includeModule } from './include-modules';

export async function settleModuleGraphs(
  coordinator: BuildCoordinator,
  compiler: Compiler,
  compilation: Compilation,
): Promise<CompilationSnapshot> {
  const discovering = discoverUnstartedPeers(coordinator, compiler);
  const attempted = new Set<string>();
  let added: number | null = null;
  for (;;) {
    const snapshot = takeSnapshot(compilation);
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

/**
 * After settling, compilers that were not part of it (they ran before this one) may lack what this
 * compilation now asks for. In watch mode they are rebuilt; in a single run that is an error that
 * says how to make the compilers run together.
 */
export function reportStalePeers(
  coordinator: BuildCoordinator,
  compiler: Compiler,
  compilation: Compilation,
  snapshot: CompilationSnapshot,
  invalidated: WeakMap<Compiler, string>,
): void {
  const others = coordinator.others(compiler);
  const all = [snapshot, ...others.map((other) => other.snapshot)];
  for (const other of others) {
    // A compilation that settled in the same round as this one is current; what it lacks is a module
    // its rules build differently, which the reference and setup checks report.
    if (coordinator.settledTogether(compiler, other.compiler)) continue;
    const missing = missingModules(other.snapshot, all);
    const watching = other.compiler.watching?.closed === false ? other.compiler.watching : undefined;
    const asked = askedOf(other.snapshot, all).join('\n');
    if (missing.length === 0 && (!watching || asked === other.asked.join('\n'))) {
      invalidated.delete(other.compiler);
      continue;
    }
    if (watching) {
      // Once per distinct gap, so that a module the other compiler cannot build does not loop.
      const reason = `${missing.join('\n')}\0${asked}`;
      if (invalidated.get(other.compiler) === reason) continue;
      invalidated.set(other.compiler, reason);
      watching.invalidate();
      continue;
    }
    const relative = missing.map((resource) => `  - ${shorten(compiler, resource)}`);
    addError(
      compilation,
      `compiler "${other.snapshot.compilerName}" finished before compiler ` +
        `"${snapshot.compilerName}" and lacks modules that "${snapshot.compilerName}" needs it to contain:\n` +
        `${relative.join('\n')}\n` +
        'Let the compilers run at the same time so that the plugin can coordinate them: remove `dependencies` ' +
        'between the configs that share this ServerActionsPlugin instance, and do not set `parallelism` below ' +
        'their number.',
    );
  }
}

/**
 * What `all` ask `self` to contain, one `layer\0resource` each, whether `self` holds it already or not.
 * In watch mode a compilation is stale once this changes, even if it holds every module: it may hold
 * what nobody asks for any more (a client component no longer rendered, and the server functions only
 * that component imports), and its manifests list what is asked (a client component that the server
 * starts to render, which the browser bundle already holds because another client component imports it).
 */
function askedOf(self: CompilationSnapshot, all: CompilationSnapshot[]): string[] {
  const asked = new Set<string>();
  for (const layer of self.layers.keys()) {
    for (const snapshot of all) {
      const references = layer === 'server' ? snapshot.serverFunctionReferences : snapshot.clientComponentReferences;
      for (const resource of references.keys()) asked.add(`${layer}\0${resource}`);
    }
  }
  return [...asked].sort();
}

function shorten(compiler: Compiler, resource: string): string {
  const root = compiler.context;
  return resource.startsWith(root) ? resource.slice(root.length + 1) : resource;
}
