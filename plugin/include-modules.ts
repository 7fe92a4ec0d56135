/**
 * Adds modules to a compilation as includes of every entry, built in a given webpack layer.
 *
 * `compilation.addInclude` cannot set a layer on the global entry without conflicting with other layers,
 * so the dependency is recorded on the global entry and built with the layer as issuer layer, which is
 * what `addInclude` does for a named entry. An include also keeps the module out of module
 * concatenation as an inner module, so its module ID, which a manifest points at, stays in the bundle.
 */
import type { Compilation, Module } from 'webpack';

export function includeModule(compilation: Compilation, request: string, webpackLayer: string | null): Promise<void> {
  const { EntryPlugin, WebpackError } = compilation.compiler.webpack;
  const dependency = EntryPlugin.createDependency(request, { name: 'webpack-server-actions' });
  compilation.globalEntry.includeDependencies.push(dependency);
  return new Promise((resolve) => {
    compilation.addModuleTree(
      {
        context: compilation.compiler.context,
        dependency,
        contextInfo: webpackLayer ? { issuerLayer: webpackLayer } : undefined,
      },
      (error?: Error | null, _module?: Module | null) => {
        if (error) {
          const failure = new WebpackError(`webpack-server-actions: could not include ${request}: ${error.message}`);
          compilation.errors.push(failure);
        }
        resolve();
      },
    );
  });
}
