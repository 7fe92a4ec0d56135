/**
 * Setups that build without a webpack error but cannot work, found in each compilation once its module
 * graph is settled, each reported with what to change:
 *
 * - compilers that do not share one plugin instance (each instance then sees one side of the app);
 * - a "use server" or "use client" file that no loader rule matches (bundled as plain code);
 * - a server layer resolved without the `react-server` condition (React's server build is not used);
 * - two copies of react-server-dom-webpack in one bundle;
 * - a file outside the app's node_modules tree (a linked workspace package) that cannot resolve the
 *   packages the loader's output imports.
 *
 * One file per check; this one runs them, and holds the two that need no module scan. Where a setup
 * might be meant (a partial build, a deliberately plain module) the report is a warning.
 */
import type { Compilation, Compiler, NormalModule, WebpackError } from 'webpack';
import { getModuleRecord, type Layer } from '../../shared/module-record';
import type { BuildCoordinator } from '../coordination/build-coordinator';
import type { CompilationSnapshot, RecordsByResource } from '../coordination/compilation-snapshot';
import { checkLoaderCoverage } from './loader-coverage';
import { checkReactPackages } from './react-packages';
import { addError, addWarning, displayPath } from '../build-problems';

const ONE_INSTANCE =
  'If the other compilers have a ServerActionsPlugin of their own, use one instance in every compiler: ' +
  '`const serverActions = new ServerActionsPlugin();` and `plugins: [serverActions]` in each config.';

export function checkSetup(
  coordinator: BuildCoordinator,
  compiler: Compiler,
  compilation: Compilation,
  snapshot: CompilationSnapshot,
): void {
  checkBothSidesBuilt(coordinator, compiler, compilation, snapshot);
  if (snapshot.layers.size === 0) return; // the loader saw none of this compilation's modules
  checkLoaderCoverage(coordinator, compiler, compilation, snapshot);
  checkReactPackages(compilation, snapshot);
  reportUnresolvedImports(compilation);
}

/**
 * One side of the app without the other in this plugin instance: what another instance (or no plugin)
 * in the other compilers looks like from here. Checked once every compiler of the instance has run.
 */
function checkBothSidesBuilt(
  coordinator: BuildCoordinator,
  compiler: Compiler,
  compilation: Compilation,
  snapshot: CompilationSnapshot,
): void {
  const others = coordinator.others(compiler).map((other) => other.snapshot);
  if (others.length + 1 < coordinator.compilers.length) return;
  const builds = (layer: Layer) => [snapshot, ...others].some((each) => each.layers.has(layer));
  const name = snapshot.compilerName;
  if (snapshot.serverFunctionReferences.size > 0 && !builds('server')) {
    addWarning(
      compilation,
      `compiler "${name}" builds modules that call server functions ` +
        `(${listed(snapshot.serverFunctionReferences)}), but no compiler that shares its ServerActionsPlugin ` +
        'instance builds the server layer, so the server build may lack these functions. ' +
        ONE_INSTANCE,
    );
  }
  if (snapshot.clientComponentReferences.size > 0 && !builds('browser')) {
    addWarning(
      compilation,
      `compiler "${name}" renders client components ` +
        `(${listed(snapshot.clientComponentReferences)}), but no compiler that shares its ServerActionsPlugin ` +
        'instance builds the browser layer, so the browser build and its client manifest may lack them. ' +
        ONE_INSTANCE,
    );
  }
}

function listed(records: RecordsByResource): string {
  const paths = [...records.values()].map((record) => record.relativePath ?? '?').sort();
  return paths.length > 3 ? `${paths.slice(0, 3).join(', ')}, …` : paths.join(', ');
}

/** Requests that the loader's output adds to a module, as webpack's "Module not found" names them. */
const ADDED_IMPORT = /Can't resolve '((?:webpack-server-actions|react-server-dom-webpack)(?:\/[^']*)?)'/;

function reportUnresolvedImports(compilation: Compilation): void {
  const unresolved = new Map<string, Set<string>>();
  for (const error of compilation.errors as WebpackError[]) {
    const request = error.name === 'ModuleNotFoundError' && error.module ? ADDED_IMPORT.exec(error.message)?.[1] : undefined;
    const record = request ? getModuleRecord(error.module!) : undefined;
    if (!request || !(record?.directive || record?.inlineServerFunctions)) continue;
    const file = displayPath(compilation.compiler, (error.module as NormalModule).resource);
    unresolved.set(file, (unresolved.get(file) ?? new Set()).add(request));
  }
  if (unresolved.size === 0) return;
  const lines = [...unresolved].map(([file, requests]) => `  - ${file}: ${[...requests].sort().join(', ')}`).sort();
  addError(
    compilation,
    'the loader makes these files import packages that cannot be resolved from where ' +
      `the files are (a linked workspace package does not see the app's node_modules):\n${lines.join('\n')}\n` +
      "Let webpack find them: add the app's node_modules to `resolve.modules` " +
      "(`modules: ['node_modules', path.resolve(__dirname, 'node_modules')]`), or list these packages in the " +
      '`dependencies` or `peerDependencies` of the package that holds the files.',
  );
}

