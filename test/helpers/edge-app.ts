/**
 * The edge-app fixture built for an edge runtime: the server compiler with `target: 'webworker'` and
 * the conditions of workerd and Vercel's edge (so that React resolves its edge entries and
 * webpack-server-actions/runtime/fetch its entry without Node built-ins), one file, its exports in a
 * `var` a worker host (or a test's `vm` context) reads. Then that file run where only Web APIs exist.
 */
import { parseSync, traverse } from '@babel/core';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { AsyncLocalStorage } from 'node:async_hooks';
import { webcrypto } from 'node:crypto';
import * as vm from 'node:vm';
import webpack, { type Configuration } from 'webpack';
import { appConfigs, compileOk, type AppConfigOptions } from './build';

/** The conditions of an edge build's server layer: React's edge entries, the runtime's Fetch entry. */
export const EDGE_SERVER_CONDITIONS = ['react-server', 'workerd', 'edge-light', 'worker', 'browser', 'import', 'module', 'default'];

/** The global the bundle assigns its exports to. */
export const EDGE_LIBRARY = 'edgeWorker';

export function edgeServerConfig(dir: string, options: AppConfigOptions = {}): Configuration {
  const [server] = appConfigs(dir, { ...options, compilers: ['server'] });
  return {
    ...server,
    target: 'webworker',
    output: {
      ...server.output,
      filename: 'server.js',
      library: { type: 'var', name: EDGE_LIBRARY },
      globalObject: 'globalThis',
    },
    resolve: { ...server.resolve, conditionNames: EDGE_SERVER_CONDITIONS },
    // One file: a worker uploads a script, not a directory of chunks.
    plugins: [...(server.plugins ?? []), new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
  };
}

export async function buildEdgeApp(dir: string, options: AppConfigOptions = {}): Promise<string> {
  await compileOk(edgeServerConfig(dir, options));
  return readFileSync(path.join(dir, 'dist/server/server.js'), 'utf8');
}

/** Names that exist on Node and not on a worker: a bundle that reads one of them needs Node. */
const NODE_GLOBALS = new Set(['process', 'Buffer', 'global', 'require', 'module', 'exports', '__dirname', '__filename', 'setImmediate', 'clearImmediate']);

/** A Node built-in module name, as a bundle could import or require it. */
const NODE_BUILTIN = new RegExp(`^(node:|(${builtinModules.join('|')})(/|$))`);

export interface NodeUse {
  what: string;
  line: number;
  excerpt: string;
}

/**
 * Every use of Node in a bundle: a free reference to a Node global (not declared anywhere in the
 * bundle: a comment or a string that names one is no use), an import, `import()` or `require()` of a
 * Node built-in. Read from the parsed bundle, so that the scan cannot be fooled by, or fail on, text.
 */
export function findNodeUses(code: string): NodeUse[] {
  const uses: NodeUse[] = [];
  const lines = code.split('\n');
  const add = (what: string, node: { loc?: { start: { line: number } } | null }) => {
    const line = node.loc?.start.line ?? 0;
    uses.push({ what, line, excerpt: (lines[line - 1] ?? '').trim().slice(0, 160) });
  };
  const ast = parseSync(code, { sourceType: 'script', configFile: false, babelrc: false });
  traverse(ast!, {
    ReferencedIdentifier(path) {
      const { name } = path.node as { name: string };
      if (NODE_GLOBALS.has(name) && !path.scope.hasBinding(name, true)) add(`the Node global \`${name}\``, path.node);
    },
    StringLiteral(path) {
      const parent = path.parent;
      const loads =
        parent.type === 'ImportDeclaration' ||
        parent.type === 'ExportAllDeclaration' ||
        parent.type === 'ExportNamedDeclaration' ||
        parent.type === 'ImportExpression' ||
        (parent.type === 'CallExpression' && (parent.callee.type === 'Import' || (parent.callee.type === 'Identifier' && parent.callee.name === 'require')));
      if (loads && NODE_BUILTIN.test(path.node.value)) add(`the Node built-in "${path.node.value}"`, path.node);
    },
  });
  return uses;
}

/**
 * What a worker runtime gives a script: Web APIs, and AsyncLocalStorage on globalThis as workerd
 * (nodejs_als) and Vercel's edge runtime put it. Nothing of Node: no require, process, Buffer, global.
 */
function webApis(): Record<string, unknown> {
  return {
    Request,
    Response,
    Headers,
    FormData,
    Blob,
    File,
    URL,
    URLSearchParams,
    ReadableStream,
    WritableStream,
    TransformStream,
    TextEncoder,
    TextDecoder,
    TextEncoderStream,
    TextDecoderStream,
    AbortController,
    AbortSignal,
    Event,
    EventTarget,
    DOMException,
    crypto: webcrypto,
    CryptoKey: webcrypto.CryptoKey,
    atob,
    btoa,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    structuredClone,
    performance,
    console,
    AsyncLocalStorage,
  };
}

/** The names of `webApis()`: what the context is given, for the tests to show. */
export const WEB_API_NAMES = Object.keys(webApis());

/** What the edge-app's server entry exports. */
export interface EdgeWorker {
  fetch(request: Request, env?: { clientManifest?: object; onError?: (error: unknown) => void }): Promise<Response>;
  notes: { count: number; list: string[] };
  actions: Record<'add' | 'addNote' | 'signIn' | 'whoAmI', { $$id: string }>;
  runtime: Record<string, (...args: unknown[]) => unknown>;
}

/** Runs the bundle's code in a fresh `vm` context holding only Web APIs; its exports. */
export function runInWebContext(code: string): { worker: EdgeWorker; context: vm.Context } {
  const context = vm.createContext(webApis());
  vm.runInContext(code, context, { filename: 'edge-worker.js' });
  const worker = (context as Record<string, unknown>)[EDGE_LIBRARY] as EdgeWorker | undefined;
  if (!worker || typeof worker.fetch !== 'function') throw new Error(`the bundle did not assign ${EDGE_LIBRARY} with a fetch()`);
  return { worker, context };
}
