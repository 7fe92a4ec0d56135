/** The plugin's options: validated with schema-utils in the constructor, defaults applied here only. */
import { validate } from 'schema-utils';
import type { Schema } from 'schema-utils/declarations/validate';
import schema from './options.json';

export interface ServerActionsPluginOptions {
  root?: string;
  salt?: string;
  manifestFilename?: string;
  clientManifestFilename?: string;
  ssrManifestFilename?: string;
}

export interface NormalizedPluginOptions {
  root: string | undefined;
  salt: string;
  manifestFilename: string;
  clientManifestFilename: string;
  ssrManifestFilename: string;
}

export function normalizePluginOptions(options: ServerActionsPluginOptions = {}): NormalizedPluginOptions {
  validate(schema as Schema, options, { name: 'ServerActionsPlugin', baseDataPath: 'options' });
  return {
    root: options.root,
    salt: options.salt ?? '',
    manifestFilename: options.manifestFilename ?? 'server-actions-manifest.json',
    clientManifestFilename: options.clientManifestFilename ?? 'react-client-manifest.json',
    ssrManifestFilename: options.ssrManifestFilename ?? 'react-ssr-manifest.json',
  };
}
