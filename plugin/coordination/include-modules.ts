/**
 * Adds a module to a compilation as an include of the entries of its webpack layer, so that it is in
 * the bundle even when no module imports it. An include also keeps the module from being inlined into
 * another one by module concatenation, so the module ID that a manifest points at stays in the bundle.
 *
 * Entries whose `layer` option is the module's webpack layer get it (all entries when layers are not
 * used). When layers are given by rules rather than entry options, no entry matches: the module is then
 * included in every entry, built in that layer (bundler/includes.ts).
 */
import type { Compilation } from 'webpack';
import { includeInEntry, includeInEveryEntry } from '../bundler/includes';
import { addError } from '../build-problems';

export async function includeModule(compilation: Compilation, request: string, webpackLayer: string | null): Promise<void> {
  const { EntryPlugin } = compilation.compiler.webpack;
  const entryNames = [...compilation.entries]
    .filter(([, entry]) => (entry.options.layer ?? null) === webpackLayer)
    .map(([name]) => name);
  const added =
    entryNames.length > 0
      ? entryNames.map((name) => includeInEntry(compilation, EntryPlugin.createDependency(request, { name }), name, webpackLayer))
      : includeInEveryEntry(compilation, () => EntryPlugin.createDependency(request, {}), webpackLayer);
  const errors = (await Promise.all(added)).filter((error): error is Error => error !== null);
  if (errors.length > 0) addError(compilation, `could not add ${request} to the build: ${errors[0].message}`);
}
