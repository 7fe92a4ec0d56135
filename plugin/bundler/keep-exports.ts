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
import type { Compilation, Compiler } from 'webpack';
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
  const keeperDirectory = path.dirname(KEEPER_LOADER);
  await Promise.all(
    [...resourcesByWebpackLayer].map(([webpackLayer, resources]) => {
      const requests = [...resources].sort().map((resource) => relativeRequest(keeperDirectory, resource));
      const keeper = `!!${KEEPER_LOADER}?${JSON.stringify({ requests })}!${KEEPER_LOADER}`;
      return includeModule(compilation, keeper, webpackLayer);
    }),
  );
}

/** `resource` (a path, maybe with a query) as a request from `directory`, with POSIX separators. */
function relativeRequest(directory: string, resource: string): string {
  const queryAt = resource.search(/[?#]/);
  const file = queryAt === -1 ? resource : resource.slice(0, queryAt);
  const query = queryAt === -1 ? '' : resource.slice(queryAt);
  const relative = path.relative(directory, file).split(path.sep).join('/');
  return (relative.startsWith('.') ? relative : `./${relative}`) + query;
}
