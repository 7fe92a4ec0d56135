/**
 * Includes a module in entries of a compilation, built in a given webpack layer.
 *
 * In an entry of that layer (`includeInEntry`): webpack builds an include in its entry's layer; Rspack
 * does not take the layer from the entry, so the include names it in its own options.
 *
 * In every entry, when no entry has that layer (layers given by rules rather than by entry options):
 * - webpack: the module joins the global entry's includes and is built with the layer as issuer
 *   layer, which is what `addInclude` does for a named entry of that layer (the global entry itself
 *   cannot carry a layer without conflicting with other layers).
 * - Rspack has no global entry nor `addModuleTree` in its JavaScript API: the module is included in
 *   each named entry, with the layer in the include's options.
 */
import type { Compilation, Dependency } from 'webpack';
import { isRspack } from './detect';

export function includeInEntry(
  compilation: Compilation,
  dependency: Dependency,
  name: string,
  webpackLayer: string | null,
): Promise<Error | null> {
  const options = isRspack(compilation.compiler) && webpackLayer ? { name, layer: webpackLayer } : { name };
  return new Promise((resolve) =>
    compilation.addInclude(compilation.compiler.context, dependency, options, (error) => resolve(error ?? null)),
  );
}

export function includeInEveryEntry(
  compilation: Compilation,
  createDependency: () => Dependency,
  webpackLayer: string | null,
): Promise<Error | null>[] {
  if (isRspack(compilation.compiler)) {
    return [...compilation.entries.keys()].map((name) => includeInEntry(compilation, createDependency(), name, webpackLayer));
  }
  const dependency = createDependency();
  compilation.globalEntry.includeDependencies.push(dependency);
  return [
    new Promise<Error | null>((resolve) => {
      compilation.addModuleTree(
        {
          context: compilation.compiler.context,
          dependency,
          contextInfo: webpackLayer ? { issuerLayer: webpackLayer } : undefined,
        },
        (error?: Error | null) => resolve(error ?? null),
      );
    }),
  ];
}
