/**
 * The loader's options: schema-validated by webpack's `getOptions` (by schema-utils, as webpack does,
 * on Rspack, whose `getOptions` takes no schema), defaults applied here only.
 */
import { validate } from 'schema-utils';
import type { Schema } from 'schema-utils/declarations/validate';
import type { LoaderContext } from 'webpack';
import type { Layer } from '../shared/module-record';
import schema from './options.json';

/** How a slip for a directive ("use sever", ("use server")) is reported: it fails the build by default. */
export type DirectiveTypos = 'error' | 'warning';

export interface LoaderOptions {
  layer: Layer;
  callServer?: string;
  directiveTypos?: DirectiveTypos;
}

export type NormalizedLoaderOptions = Required<LoaderOptions>;

export const loaderOptionsSchema = schema;

/** The options of the loader that runs, validated against the schema (an error names what is wrong). */
export function validatedLoaderOptions(loaderContext: LoaderContext<LoaderOptions>): LoaderOptions {
  if (!runsOnRspack(loaderContext)) return loaderContext.getOptions(loaderOptionsSchema as never);
  const options = loaderContext.getOptions();
  try {
    // The name and data path webpack's `getOptions` takes from the schema's title.
    validate(loaderOptionsSchema as Schema, options, { name: 'webpack-server-actions loader', baseDataPath: 'options' });
  } catch (error) {
    // What is wrong is in the message; Rspack would print schema-utils' stack under it.
    (error as { hideStack?: boolean }).hideStack = true;
    throw error;
  }
  return options;
}

/** Rspack gives its loader context the compiler, whose `webpack` (Rspack's exports) has `rspackVersion`. */
function runsOnRspack(loaderContext: LoaderContext<LoaderOptions>): boolean {
  const compiler = loaderContext._compiler as { webpack?: { rspackVersion?: unknown } } | undefined;
  return typeof compiler?.webpack?.rspackVersion === 'string';
}

export const DEFAULT_CALL_SERVER_MODULE = 'webpack-server-actions/client';

export function normalizeLoaderOptions(options: LoaderOptions): NormalizedLoaderOptions {
  return {
    layer: options.layer,
    callServer: options.callServer ?? DEFAULT_CALL_SERVER_MODULE,
    // A slip for "use server" leaves the file's server code in the client bundles that import it.
    directiveTypos: options.directiveTypos ?? 'error',
  };
}
