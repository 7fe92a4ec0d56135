/**
 * Action IDs are made from paths relative to the plugin's root: compilers whose roots differ (no
 * `root` option and different `context` directories) make different IDs for one function.
 */
import type { Compilation, Compiler } from 'webpack';
import { addError } from '../build-problems';
import { pluginRoot } from '../loader-handshake';
import type { NormalizedPluginOptions } from '../options';

export function checkSameRoot(compilation: Compilation, options: NormalizedPluginOptions, compilers: Compiler[]): void {
  const roots = new Set(compilers.map((compiler) => pluginRoot(options, compiler)));
  if (roots.size <= 1) return;
  addError(
    compilation,
    'the compilers sharing this ServerActionsPlugin have different `context` ' +
      'directories, so their action IDs would not match. Set the plugin option `root` to the app directory.',
  );
}
