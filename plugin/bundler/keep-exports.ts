/**
 * Keeps what React loads by module ID and export name (loaded-by-id/keep-exports.ts says why).
 *
 * - webpack: the exports are marked used in `optimizeDependencies`, before and after webpack flags
 *   export usage.
 * - Rspack has no `optimizeDependencies` hook, and marking exports in the hooks it has comes too early
 *   (`finishModules` panics) or too late (`optimizeModules`: the exports stay, the modules they import
 *   lose what they provide). So each compilation gets an export keeper once its graph is settled: a
 *   generated module, included in the entries of each webpack layer, that imports every module React
 *   loads by ID in that layer with a weak `import()` in a function never called
 *   (export-keeper-loader.ts). Rspack's own export-usage pass then keeps them as it keeps any module
 *   whose namespace is used. A facade needs no keeper: the main module imports it in the same way.
 */
import * as path from 'node:path';
import type { Compilation, Compiler, Module } from 'webpack';
import type { CompilationSnapshot } from '../coordination/compilation-snapshot';
import { includeModule } from '../coordination/include-modules';
import { PLUGIN_NAME } from '../hooks/plugin-name';
import { keepReferencedExports, markNamedExports } from '../loaded-by-id/keep-exports';
import { isRspack } from './detect';

export function tapToKeepExports(compiler: Compiler): void {
  if (isRspack(compiler)) return; // includeExportKeepers, once the graph is settled
  compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
    // The named exports before FlagDependencyUsagePlugin (stage 0) flags export usage, the whole
    // module after it.
    compilation.hooks.optimizeDependencies.tap({ name: PLUGIN_NAME, stage: -100 }, () => {
      markNamedExports(compilation);
    });
    compilation.hooks.optimizeDependencies.tap({ name: PLUGIN_NAME, stage: 100 }, () => {
      keepReferencedExports(compilation);
    });
  });
}

const KEEPER_LOADER = require.resolve('./export-keeper-loader');

/** On Rspack, adds the export keeper of each webpack layer that holds modules React loads by ID. */
export async function includeExportKeepers(compilation: Compilation, settled: CompilationSnapshot): Promise<void> {
  if (!isRspack(compilation.compiler)) return;
  const resourcesByWebpackLayer = new Map<string | null, Set<string>>();
  for (const [layer, webpackLayer] of settled.layers) {
    const loadedById = layer === 'server' ? settled.serverFunctionModules : settled.clientComponentModules.get(layer);
    if (!loadedById || loadedById.size === 0) continue;
    let resources = resourcesByWebpackLayer.get(webpackLayer);
    if (!resources) resourcesByWebpackLayer.set(webpackLayer, (resources = new Set()));
    for (const resource of loadedById.keys()) resources.add(resource);
  }
  await Promise.all(
    [...resourcesByWebpackLayer].map(([webpackLayer, resources]) => {
      const sorted = [...resources].sort();
      // The keeper's module stands on the first of the files it keeps (its loader ignores the file's
      // text): its requests are then relative to the app's own directories, and no bundle holds a path
      // that differs between checkouts.
      const { file } = splitResource(sorted[0]);
      const requests = sorted.map((resource) => relativeRequest(path.dirname(file), resource));
      const keeper = `!!${KEEPER_LOADER}?${JSON.stringify({ requests })}!${file}`;
      return includeModule(compilation, keeper, webpackLayer);
    }),
  );
}

/**
 * Gives each export keeper among `hookModules` (Rspack's `beforeModuleIds` stand-ins) a module ID of
 * its own, the same in every checkout: its request names this package's loader by path.
 */
export function setExportKeeperIds(compilation: Compilation, hookModules: Iterable<Module>): void {
  if (!isRspack(compilation.compiler)) return;
  for (const module of hookModules) {
    // The stand-ins' `identifier` is the string itself.
    const identifier = module.identifier as unknown as string;
    if (!identifier.includes(KEEPER_LOADER)) continue;
    (module as { id?: string }).id = `webpack-server-actions/export-keeper${module.layer ? `/${module.layer}` : ''}`;
  }
}

function splitResource(resource: string): { file: string; query: string } {
  const queryAt = resource.search(/[?#]/);
  return queryAt === -1 ? { file: resource, query: '' } : { file: resource.slice(0, queryAt), query: resource.slice(queryAt) };
}

/** `resource` (a path, maybe with a query) as a request from `directory`, with POSIX separators. */
function relativeRequest(directory: string, resource: string): string {
  const { file, query } = splitResource(resource);
  const relative = path.relative(directory, file).split(path.sep).join('/');
  return (relative.startsWith('.') ? relative : `./${relative}`) + query;
}
