/**
 * What the plugin hands every loader run (through NormalModule's `loader` hook): the settings that
 * IDs depend on, and their fingerprint. The loader keeps the fingerprint in each module's record, so
 * that a module cached under other settings is built again.
 */
import { createHash } from 'node:crypto';
import type { Compiler } from 'webpack';
import type { LoaderHandshake } from '../shared/module-record';
import type { NormalizedPluginOptions } from './options';

/** The directory IDs are relative to: the `root` option, else the compiler's context. */
export function pluginRoot(options: NormalizedPluginOptions, compiler: Compiler): string {
  return options.root ?? compiler.context;
}

export function loaderHandshake(options: NormalizedPluginOptions, compiler: Compiler): LoaderHandshake {
  const root = pluginRoot(options, compiler);
  const fingerprint = createHash('sha256').update(JSON.stringify([root, options.salt])).digest('hex').slice(0, 16);
  return { root, salt: options.salt, fingerprint };
}
