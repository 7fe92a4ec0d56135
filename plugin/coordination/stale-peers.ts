/**
 * After settling, compilers that were not part of it (they ran before this one) may lack what this
 * compilation now asks for, or hold what nobody asks for any more. In watch mode they are rebuilt; in
 * a single run that is an error that says how to make the compilers run together.
 */
import type { Compilation, Compiler } from 'webpack';
import { addError } from '../build-problems';
import { activeWatching } from '../bundler/watching';
import type { BuildCoordinator } from './build-coordinator';
import { askedOf, missingModules, type CompilationSnapshot } from './compilation-snapshot';

/**
 * `invalidated` holds, per watching compiler, the gap it was last invalidated for: once per distinct
 * gap, so that a module the other compiler cannot build does not loop.
 */
export function rebuildStalePeers(
  coordinator: BuildCoordinator,
  compilation: Compilation,
  snapshot: CompilationSnapshot,
  invalidated: WeakMap<Compiler, string>,
): void {
  const compiler = compilation.compiler;
  const all = coordinator.allSnapshots(compiler, snapshot);
  for (const other of coordinator.others(compiler)) {
    // A compilation that settled in the same round as this one is current; what it lacks is a module
    // its rules build differently, which the checks report (server-functions-present, loader-coverage).
    if (coordinator.settledTogether(compiler, other.compiler)) continue;
    const missing = missingModules(other.snapshot, all);
    const watching = activeWatching(other.compiler);
    const asked = askedOf(other.snapshot, all).join('\n');
    if (missing.length === 0 && (!watching || asked === other.asked.join('\n'))) {
      invalidated.delete(other.compiler);
      continue;
    }
    if (watching) {
      const reason = `${missing.join('\n')}\0${asked}`;
      if (invalidated.get(other.compiler) === reason) continue;
      invalidated.set(other.compiler, reason);
      watching.invalidate();
      continue;
    }
    reportFinishedTooEarly(compilation, other.snapshot, snapshot, missing);
  }
}

function reportFinishedTooEarly(
  compilation: Compilation,
  stale: CompilationSnapshot,
  self: CompilationSnapshot,
  missing: string[],
): void {
  const relative = missing.map((resource) => `  - ${shorten(compilation.compiler, resource)}`);
  addError(
    compilation,
    `compiler "${stale.compilerName}" finished before compiler "${self.compilerName}" and lacks modules ` +
      `that "${self.compilerName}" needs it to contain:\n${relative.join('\n')}\n` +
      'Let the compilers run at the same time so that the plugin can coordinate them: remove `dependencies` ' +
      'between the configs that share this ServerActionsPlugin instance, and do not set `parallelism` below ' +
      'their number.',
  );
}

function shorten(compiler: Compiler, resource: string): string {
  const root = compiler.context;
  return resource.startsWith(root) ? resource.slice(root.length + 1) : resource;
}
