/** The plugin's options: validated with schema-utils in the constructor, defaults applied here only. */
import { Buffer } from 'node:buffer';
import { validate } from 'schema-utils';
import type { Schema } from 'schema-utils/declarations/validate';
import schema from './options.json';

export interface ServerActionsPluginOptions {
  root?: string;
  salt?: string;
  manifestFilename?: string;
  clientManifestFilename?: string;
  ssrManifestFilename?: string;
  entrypointsFilename?: string;
  encryptionKey?: string | string[];
}

export interface NormalizedPluginOptions {
  root: string | undefined;
  salt: string;
  manifestFilename: string;
  clientManifestFilename: string;
  ssrManifestFilename: string;
  entrypointsFilename: string;
  /** Keys from the options, checked; empty when a key is to be generated for the build. */
  encryptionKeys: string[];
}

export function normalizePluginOptions(options: ServerActionsPluginOptions = {}): NormalizedPluginOptions {
  validate(schema as Schema, options, { name: 'ServerActionsPlugin', baseDataPath: 'options' });
  return {
    root: options.root,
    salt: options.salt ?? '',
    manifestFilename: options.manifestFilename ?? 'server-actions-manifest.json',
    clientManifestFilename: options.clientManifestFilename ?? 'react-client-manifest.json',
    ssrManifestFilename: options.ssrManifestFilename ?? 'react-ssr-manifest.json',
    entrypointsFilename: options.entrypointsFilename ?? 'client-entrypoints.json',
    encryptionKeys: checkedKeys(options.encryptionKey),
  };
}

function checkedKeys(option: string | string[] | undefined): string[] {
  const keys = option === undefined ? [] : Array.isArray(option) ? option : [option];
  keys.forEach((key, index) => {
    const length = /^[A-Za-z0-9+/_-]+={0,2}$/.test(key) ? Buffer.from(key, 'base64').length : 0;
    if (![16, 24, 32].includes(length)) {
      throw new Error(
        `ServerActionsPlugin: options.encryptionKey${Array.isArray(option) ? `[${index}]` : ''} is not a base64 AES key ` +
          'of 16, 24 or 32 bytes. Make one with ' +
          `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`,
      );
    }
  });
  return keys;
}
