/** The loader's options: schema-validated by webpack's `getOptions`, defaults applied here only. */
import type { Layer } from '../shared/module-record';
import schema from './options.json';

export interface LoaderOptions {
  layer: Layer;
  callServer?: string;
}

export type NormalizedLoaderOptions = Required<LoaderOptions>;

export const loaderOptionsSchema = schema;

export const DEFAULT_CALL_SERVER_MODULE = 'webpack-server-actions/client';

export function normalizeLoaderOptions(options: LoaderOptions): NormalizedLoaderOptions {
  return { layer: options.layer, callServer: options.callServer ?? DEFAULT_CALL_SERVER_MODULE };
}
