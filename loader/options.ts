/** The loader's options: schema-validated by webpack's `getOptions`, defaults applied here only. */
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

export const DEFAULT_CALL_SERVER_MODULE = 'webpack-server-actions/client';

export function normalizeLoaderOptions(options: LoaderOptions): NormalizedLoaderOptions {
  return {
    layer: options.layer,
    callServer: options.callServer ?? DEFAULT_CALL_SERVER_MODULE,
    // A slip for "use server" leaves the file's server code in the client bundles that import it.
    directiveTypos: options.directiveTypos ?? 'error',
  };
}
