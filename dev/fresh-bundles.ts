/**
 * Loads the server and SSR bundles afresh after a build, with the manifests of the same build. The
 * bundles are required outside webpack, from disk; what the last load required from their output
 * directories is dropped from Node's module cache first, so that the old bundles (and the React copies
 * inside them) are released once the requests still running on them have finished.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { Stats } from 'webpack';
import type { ClientEntrypoints, ClientManifest, SsrManifest } from '../runtime/types';

/** What an app's server uses to answer requests: the same shapes a production server reads from the build. */
export interface DevBundles {
  /** The server bundle's exports (server components and server functions, `react-server` condition). */
  rsc: Record<string, unknown>;
  /** The SSR bundle's exports. */
  ssr: Record<string, unknown>;
  /** react-client-manifest.json (browser compiler's output). */
  clientManifest: ClientManifest;
  /** react-ssr-manifest.json (SSR compiler's output). */
  ssrManifest: SsrManifest;
  /** client-entrypoints.json (browser compiler's output): the bootstrap scripts of each entry. */
  entrypoints: ClientEntrypoints;
}

export interface ManifestFilenames {
  clientManifestFilename: string;
  ssrManifestFilename: string;
  entrypointsFilename: string;
}

export interface BuiltCompilers {
  browser: Stats;
  ssr: Stats;
  server: Stats;
}

export function loadBundles(stats: BuiltCompilers, filenames: ManifestFilenames): DevBundles {
  restoreConsole();
  const { value: bundles, release } = capturingProcessHooks(() => ({
    rsc: requireAfresh(entryFile(stats.server)),
    ssr: requireAfresh(entryFile(stats.ssr)),
  }));
  generations.push(release);
  // The previous bundles may still be answering requests that began before this build: they keep their
  // hooks until the next load. Older ones are released.
  while (generations.length > 2) generations.shift()!();
  return { ...bundles, ...loadManifests(stats, filenames) };
}

const generations: Array<() => void> = [];

/**
 * Runs `load` with Node's async_hooks watched: React's Flight server (development build) enables an
 * async hook when its module runs, and the bundles create AsyncLocalStorages; Node keeps both, and with
 * them each old bundle, until they are disabled. `release` disables what `load` created.
 */
function capturingProcessHooks<T>(load: () => T): { value: T; release(): void } {
  const asyncHooks = require('node:async_hooks') as typeof import('node:async_hooks');
  const { createHook, AsyncLocalStorage } = asyncHooks;
  const hooks: Array<{ disable(): unknown }> = [];
  const storages: Array<{ disable(): void }> = [];
  asyncHooks.createHook = (callbacks) => {
    const hook = createHook(callbacks);
    hooks.push(hook);
    return hook;
  };
  asyncHooks.AsyncLocalStorage = class WatchedAsyncLocalStorage<Store> extends AsyncLocalStorage<Store> {
    constructor() {
      super();
      storages.push(this);
    }
  };
  try {
    return {
      value: load(),
      release() {
        for (const hook of hooks) hook.disable();
        for (const storage of storages) storage.disable();
      },
    };
  } finally {
    asyncHooks.createHook = createHook;
    asyncHooks.AsyncLocalStorage = AsyncLocalStorage;
  }
}

/** The manifests alone: a browser-only build changes the client manifest and the entrypoints. */
export function loadManifests(stats: BuiltCompilers, filenames: ManifestFilenames): Pick<DevBundles, 'clientManifest' | 'ssrManifest' | 'entrypoints'> {
  const readJson = (compiler: Stats, file: string) => JSON.parse(readFileSync(path.join(outputPath(compiler), file), 'utf8'));
  return {
    clientManifest: readJson(stats.browser, filenames.clientManifestFilename),
    ssrManifest: readJson(stats.ssr, filenames.ssrManifestFilename),
    entrypoints: readJson(stats.browser, filenames.entrypointsFilename),
  };
}

function outputPath(stats: Stats): string {
  return stats.compilation.outputOptions.path!;
}

/** The JavaScript file of the compiler's one entry: what Node loads. */
export function entryFile(stats: Stats): string {
  const { compilation } = stats;
  const entrypoints = [...compilation.entrypoints.values()];
  if (entrypoints.length !== 1) {
    throw new Error(
      `webpack-server-actions/dev: the ${compilation.name} compiler has ${entrypoints.length} entries; the dev server ` +
        'loads the one entry of the server and SSR compilers: give each exactly one.',
    );
  }
  const file = [...entrypoints[0].getEntrypointChunk().files].find((name) => /\.[cm]?js$/.test(name));
  if (!file) throw new Error(`webpack-server-actions/dev: the ${compilation.name} compiler's entry emitted no JavaScript file.`);
  return path.join(outputPath(stats), file);
}

function requireAfresh(file: string): Record<string, unknown> {
  const directory = path.dirname(file) + path.sep;
  // The entry and the chunks it required: all of them are from the build that just ended.
  for (const cached of Object.keys(require.cache)) {
    if (cached.startsWith(directory)) delete require.cache[cached];
  }
  // A require of its own, from a throwaway parent module: Node lists a required module among its
  // parent's children, and this module's list would keep every old bundle alive.
  return createRequire(file)(file);
}

// React's Flight server (development build) wraps the console's methods when its module runs, to replay
// server logs in the browser: each bundle loaded would wrap the previous bundle's wrappers and keep
// that bundle alive. The methods as they were before the first bundle loaded are put back before each load.
let consoleBeforeBundles: Map<string, PropertyDescriptor> | null = null;

function restoreConsole(): void {
  if (!consoleBeforeBundles) {
    consoleBeforeBundles = new Map();
    for (const name of Object.getOwnPropertyNames(console)) {
      const descriptor = Object.getOwnPropertyDescriptor(console, name);
      if (descriptor && typeof descriptor.value === 'function') consoleBeforeBundles.set(name, descriptor);
    }
    return;
  }
  for (const [name, descriptor] of consoleBeforeBundles) Object.defineProperty(console, name, descriptor);
}
