/**
 * Keeps what React loads by module ID and export name (loaded-by-id/keep-exports.ts): the named
 * exports are marked used before webpack's FlagDependencyUsagePlugin (stage 0) flags export usage,
 * the whole module after it.
 */
import type { Compiler } from 'webpack';
import { keepReferencedExports, markNamedExports } from '../loaded-by-id/keep-exports';
import { PLUGIN_NAME } from './plugin-name';

export function tapOptimizeDependenciesToKeepExports(compiler: Compiler): void {
  compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
    compilation.hooks.optimizeDependencies.tap({ name: PLUGIN_NAME, stage: -100 }, () => {
      markNamedExports(compilation);
    });
    compilation.hooks.optimizeDependencies.tap({ name: PLUGIN_NAME, stage: 100 }, () => {
      keepReferencedExports(compilation);
    });
  });
}
