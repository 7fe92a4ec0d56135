/**
 * The one place where the loader and the plugin meet.
 *
 * The loader writes what it learned about a module onto `module.buildInfo`; the plugin reads it back.
 * webpack serialises `buildInfo` into its persistent cache, so a module restored from the filesystem
 * cache (whose loaders do not run again) still tells the plugin everything a cold build would.
 */
import type { LoaderContext, Module } from 'webpack';

/** Which side of the app a module is compiled for. */
export type Layer = 'server' | 'ssr' | 'browser';
export const LAYERS: readonly Layer[] = ['server', 'ssr', 'browser'];

export type Directive = 'use server' | 'use client';

/** One server function that a module registers (server layer) or proxies (client layers). */
export interface ServerFunctionRecord {
  /** The opaque action ID, the same in every compiler of a build. */
  id: string;
  /** The export name; `default` for the default export. */
  exportName: string;
}

/**
 * A `"use server"` function defined inside a server-layer module (no file-level directive). The loader
 * hoists it to module level and exports it under `exportName`, and a facade module re-exports those names
 * (see loader/facade-loader.ts): the manifest points at the facade.
 */
export interface InlineServerFunctionRecord {
  id: string;
  exportName: string;
  /** The function's own name as written (or inferred from a variable, property or attribute). */
  name: string;
  /** Where it is defined: 1-based line and column. */
  line: number;
  column: number;
}

export interface ModuleRecord {
  /** The layer the loader compiled this module for. Set on every module the loader sees. */
  layer: Layer;
  /** The module's directive, when it has one. */
  directive?: Directive;
  /** The module's path relative to the plugin's root, with POSIX separators. */
  relativePath?: string;
  /** For a "use server" module: its server functions. */
  serverFunctions?: ServerFunctionRecord[];
  /**
   * For a server-layer module: the inline server functions defined inside it (in a server component,
   * or inside the functions of a "use server" file).
   */
  inlineServerFunctions?: InlineServerFunctionRecord[];
  /** Set on a facade module, which re-exports the inline server functions of the module it imports. */
  facade?: true;
  /** For a "use client" module: the ID under which the server refers to it. */
  clientReferenceId?: string;
  /** For a "use client" module: its export names. */
  clientExports?: string[];
  /** The fingerprint of the ID settings the record was made with (`loaderHandshake`, plugin/loader-handshake.ts). */
  fingerprint: string;
}

const RECORD_KEY = 'webpackServerActions';

export function getModuleRecord(module: Module): ModuleRecord | undefined {
  const buildInfo = module.buildInfo as Record<string, unknown> | undefined;
  return buildInfo?.[RECORD_KEY] as ModuleRecord | undefined;
}

export function setModuleRecord(module: Module, record: ModuleRecord): void {
  (module.buildInfo as Record<string, unknown>)[RECORD_KEY] = record;
}

/** What the plugin hands every loader run: the settings IDs depend on. */
export interface LoaderHandshake {
  root: string;
  salt: string;
  fingerprint: string;
}

const HANDSHAKE_KEY = Symbol.for('webpack-server-actions.handshake');

type HandshakeCarrier = { [HANDSHAKE_KEY]?: LoaderHandshake };

export function setLoaderHandshake(loaderContext: object, handshake: LoaderHandshake): void {
  (loaderContext as HandshakeCarrier)[HANDSHAKE_KEY] = handshake;
}

export function getLoaderHandshake(loaderContext: LoaderContext<unknown>): LoaderHandshake | undefined {
  return (loaderContext as unknown as HandshakeCarrier)[HANDSHAKE_KEY];
}
