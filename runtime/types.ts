/**
 * The manifest shapes of the runtime's public API, declared here so that the published types do not
 * depend on react-server-dom-webpack shipping any.
 */
export interface ServerManifestEntry {
  /** The module ID in the server bundle. */
  id: string | number;
  /** Pairs of chunk ID and file that must be loaded before the module. */
  chunks: Array<string | number>;
  /** The export name of the server function. */
  name: string;
  async?: boolean;
  /** The source file, relative to the plugin's root. */
  file?: string;
  /** Inline server functions: the function's name as written, and where it is defined (1-based). */
  function?: string;
  line?: number;
  column?: number;
}

export type ServerActionsManifest = Record<string, ServerManifestEntry>;

/** React's client manifest (react-client-manifest.json), for rendering client components. */
export type ClientManifest = Record<string, { id: string | number; chunks: Array<string | number>; name: string }>;
