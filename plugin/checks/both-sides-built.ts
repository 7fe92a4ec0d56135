/**
 * One side of the app without the other in this plugin instance: what another instance (or no plugin)
 * in the other compilers looks like from here. Checked once every compiler of the instance has run; a
 * warning, since a partial build may be meant.
 */
import type { Compilation } from 'webpack';
import type { Layer } from '../../shared/module-record';
import { addWarning } from '../build-problems';
import type { CompilationSnapshot, RecordsByResource } from '../coordination/compilation-snapshot';

const ONE_INSTANCE =
  'If the other compilers have a ServerActionsPlugin of their own, use one instance in every compiler: ' +
  '`const serverActions = new ServerActionsPlugin();` and `plugins: [serverActions]` in each config.';

/** `all`: the snapshots of the build, `self`'s first; `compilerCount`: the compilers of the instance. */
export function checkBothSidesBuilt(
  compilation: Compilation,
  self: CompilationSnapshot,
  all: CompilationSnapshot[],
  compilerCount: number,
): void {
  if (all.length < compilerCount) return;
  const builds = (layer: Layer) => all.some((each) => each.layers.has(layer));
  const name = self.compilerName;
  if (self.serverFunctionReferences.size > 0 && !builds('server')) {
    addWarning(
      compilation,
      `compiler "${name}" builds modules that call server functions ` +
        `(${listed(self.serverFunctionReferences)}), but no compiler that shares its ServerActionsPlugin ` +
        'instance builds the server layer, so the server build may lack these functions. ' +
        ONE_INSTANCE,
    );
  }
  if (self.clientComponentReferences.size > 0 && !builds('browser')) {
    addWarning(
      compilation,
      `compiler "${name}" renders client components ` +
        `(${listed(self.clientComponentReferences)}), but no compiler that shares its ServerActionsPlugin ` +
        'instance builds the browser layer, so the browser build and its client manifest may lack them. ' +
        ONE_INSTANCE,
    );
  }
}

function listed(records: RecordsByResource): string {
  const paths = [...records.values()].map((record) => record.relativePath ?? '?').sort();
  return paths.length > 3 ? `${paths.slice(0, 3).join(', ')}, …` : paths.join(', ');
}
