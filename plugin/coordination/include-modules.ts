/**
 * Adds a module to a compilation as an include of the entries of its webpack layer, so that it is in
 * the bundle even when no module imports it. An include also keeps the module from being inlined into
 * another one by module concatenation, so the module ID that a manifest points at stays in the bundle.
 *
 * Entries whose `layer` option is the module's webpack layer get it (all entries when layers are not
 * used). When layers are given by rules rather than entry options, no entry matches: the module is then
 * included in every entry and built with the layer as issuer layer, which is what `addInclude` does for
 * a named entry (the global entry itself cannot carry a layer without conflicting with other layers).
 */
import type { Compilation, Dependency } from 'webpack';
import { addError } from '../build-problems';

export async function includeModule(compilation: Compilation, request: string, webpackLayer: string | null): Promise<void> {
  const { EntryPlugin } = compilation.compiler.webpack;
  const context = compilation.compiler.context;
  const entryNames = [...compilation.entries]
    .filter(([, entry]) => (entry.options.layer ?? null) === webpackLayer)
    .map(([name]) => name);
  const added =
    entryNames.length > 0
      ? entryNames.map((name) => {
          const dependency = EntryPlugin.createDependency(request, { name });
          return new Promise<Error | null>((resolve) =>
            compilation.addInclude(context, dependency, { name }, (error) => resolve(error ?? null)),
          );
        })
      : [includeInEveryEntry(compilation, EntryPlugin.createDependency(request, {}), webpackLayer)];
  const errors = (await Promise.all(added)).filter((error): error is Error => error !== null);
  if (errors.length > 0) addError(compilation, `could not add ${request} to the build: ${errors[0].message}`);
}

function includeInEveryEntry(compilation: Compilation, dependency: Dependency, webpackLayer: string | null) {
  compilation.globalEntry.includeDependencies.push(dependency);
  return new Promise<Error | null>((resolve) => {
    compilation.addModuleTree(
      {
        context: compilation.compiler.context,
        dependency,
        contextInfo: webpackLayer ? { issuerLayer: webpackLayer } : undefined,
      },
      (error?: Error | null) => resolve(error ?? null),
    );
  });
}
