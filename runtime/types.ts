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

/**
 * React's SSR manifest (react-ssr-manifest.json): where the SSR bundle finds each client component,
 * and the browser's public path for the chunks it preloads.
 */
export interface SsrManifest {
  moduleMap: Record<string, Record<string, { id: string | number; chunks: Array<string | number>; name: string }>>;
  serverModuleMap: null | Record<string, unknown>;
  moduleLoading: null | { prefix: string; crossOrigin: string | null };
}

/**
 * The browser entrypoints' scripts (client-entrypoints.json): for each entry name, the URLs of its
 * JavaScript files in the order the page must load them (runtime and split chunks first), each the
 * browser compilation's public path followed by the file (the file alone when the public path is
 * `"auto"` or empty). What SSR passes as bootstrap scripts.
 */
export type ClientEntrypoints = Record<string, string[]>;
