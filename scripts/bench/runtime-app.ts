/**
 * The small app the runtime benchmark measures: a server bundle built with the plugin (production
 * mode, unminified to build quickly), holding two "use server" files, the runtime, React's server
 * API and busboy, as an app's server bundle holds them. Its entry also hands out webpack's own
 * `__webpack_require__`, for the baselines. Built into /tmp/wsa-runtimebench-*; the caller removes it.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import webpack, { type Configuration, type Stats } from 'webpack';
import { ServerActionsPlugin } from '../../dist/plugin';

const REPO_ROOT = path.resolve(__dirname, '../..');

const SOURCES: Record<string, string> = {
  'src/server.js': `
export * as runtime from 'webpack-server-actions/runtime';
export { decodeReply, decodeReplyFromBusboy, decodeAction, decodeFormState, renderToPipeableStream } from 'react-server-dom-webpack/server';
export { default as busboy } from 'busboy';
export * as notes from './notes';
export * as tags from './tags';
// The lookup React's own requireModule makes, for the baselines.
export function requireModule(moduleId) {
  return __webpack_require__(moduleId);
}
`,
  'src/notes.js': `'use server';
export async function saveNote(title, priority, details) {
  return { title, priority, tags: details.tags, done: details.done, due: details.due, savedAt: new Date(0) };
}
export async function attachFile(noteId, file) {
  return { noteId, name: file.name, type: file.type, size: file.size };
}
export async function createNote(formData) {
  return { title: formData.get('title'), body: formData.get('body') };
}
export async function deleteNote(id) {
  return { deleted: id };
}
export async function renameNote(id, title) {
  return { id, title };
}
`,
  'src/tags.js': `'use server';
export async function addTag(noteId, tag) {
  return { noteId, tag };
}
export async function removeTag(noteId, tag) {
  return { noteId, tag, removed: true };
}
export async function listTags(noteId) {
  return [noteId, 'home', 'work'];
}
`,
};

export interface RuntimeBenchApp {
  dir: string;
  /** The server bundle, a CommonJS module. */
  bundle: string;
  /** Action IDs by function name, from the emitted manifest. */
  ids: Record<string, string>;
}

function serverConfig(dir: string): Configuration {
  return {
    name: 'server',
    mode: 'production',
    context: dir,
    devtool: false,
    target: 'node',
    entry: { server: './src/server.js' },
    output: { path: path.join(dir, 'dist'), library: { type: 'commonjs2' } },
    resolve: { modules: ['node_modules', path.join(REPO_ROOT, 'node_modules')], conditionNames: ['react-server', '...'] },
    module: {
      rules: [{ test: /\.js$/, exclude: /node_modules/, use: [{ loader: ServerActionsPlugin.loader, options: { layer: 'server' } }] }],
    },
    plugins: [new ServerActionsPlugin()],
    optimization: { minimize: false },
    cache: false,
    infrastructureLogging: { level: 'error' },
  };
}

function compile(config: Configuration): Promise<Stats> {
  return new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((error, stats) => {
      compiler.close((closeError) => {
        if (error || closeError || !stats) return reject(error ?? closeError ?? new Error('webpack gave no stats'));
        if (stats.hasErrors()) return reject(new Error(`Building the runtime benchmark's app failed:\n${stats.toString('errors-only')}`));
        resolve(stats);
      });
    });
  });
}

/** Writes the app into a fresh temporary directory (the package resolves to this repository) and builds it. */
export async function buildRuntimeBenchApp(): Promise<RuntimeBenchApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wsa-runtimebench-'));
  for (const [file, source] of Object.entries(SOURCES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), source);
  }
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(REPO_ROOT, path.join(dir, 'node_modules/webpack-server-actions'), 'dir');
  await compile(serverConfig(dir));
  const manifest = JSON.parse(readFileSync(path.join(dir, 'dist/server-actions-manifest.json'), 'utf8')) as Record<string, { name: string }>;
  const ids = Object.fromEntries(Object.entries(manifest).map(([id, entry]) => [entry.name, id]));
  return { dir, bundle: path.join(dir, 'dist/server.js'), ids };
}
