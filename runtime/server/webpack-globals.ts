/**
 * webpack's own runtime, as the server runtime reaches it. `__webpack_require__` and
 * `__webpack_chunk_load__` are no module's variables: webpack replaces these free names in every
 * module it bundles with its runtime (its APIPlugin), so they exist only inside a bundle. They are
 * declared for TypeScript here, once, and read only through the functions below: a declaration
 * cannot be imported (an imported binding is a property of this module, which webpack does not
 * replace), a function that reads the name here can.
 *
 * The plugin's runtime modules hang the manifest and the encryption keys on `__webpack_require__`,
 * under the names in protocol.ts.
 */
import { KEYS_RUNTIME_PROPERTY, MANIFEST_RUNTIME_PROPERTY } from '../protocol';
import type { ServerActionsManifest } from '../types';

/** `__webpack_require__` of a server bundle built with ServerActionsPlugin. */
export interface ServerBundleRequire {
  (id: string | number): unknown;
  [MANIFEST_RUNTIME_PROPERTY]?: ServerActionsManifest;
  [KEYS_RUNTIME_PROPERTY]?: string[];
}

declare const __webpack_require__: ServerBundleRequire;
declare const __webpack_chunk_load__: (chunkId: string | number) => Promise<unknown>;

/** webpack's `__webpack_require__` of this bundle; undefined where the runtime was not bundled by webpack. */
export function serverBundleRequire(): ServerBundleRequire | undefined {
  return typeof __webpack_require__ === 'function' ? __webpack_require__ : undefined;
}

/** Loads chunk `chunkId` of this bundle (`__webpack_chunk_load__`). */
export function loadWebpackChunk(chunkId: string | number): Promise<unknown> {
  return __webpack_chunk_load__(chunkId);
}

/** The exports of module `id` of this bundle: a promise of them for a module with top-level await. */
export function requireWebpackModule(id: string | number): Record<string, unknown> | Promise<Record<string, unknown>> {
  return __webpack_require__(id) as Record<string, unknown> | Promise<Record<string, unknown>>;
}
