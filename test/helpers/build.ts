/** Builds fixture apps with webpack's Node API and loads what they emit. */
import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import webpack, { type Configuration, type MultiStats, type Stats } from 'webpack';
import { ServerActionsPlugin, type ServerActionsPluginOptions } from 'webpack-server-actions';
import type { Bundler } from './example';
import { REPO_NODE_MODULES } from './fixture-app';

export type CompilerName = 'browser' | 'ssr' | 'server';

export interface AppConfigOptions {
  /** The bundler the configs are for (webpack by default): only the cache settings differ. */
  bundler?: Bundler;
  mode?: 'development' | 'production';
  compilers?: CompilerName[];
  /** `dependencies` per compiler name. */
  dependencies?: Partial<Record<CompilerName, CompilerName[]>>;
  cache?: boolean;
  optimization?: Configuration['optimization'];
  plugin?: ServerActionsPlugin;
  pluginOptions?: ServerActionsPluginOptions;
  /** Rules per layer, to replace the default loader rule. */
  rules?: Partial<Record<CompilerName, NonNullable<Configuration['module']>['rules']>>;
  devtool?: Configuration['devtool'];
  /** `output` settings per compiler, spread over the defaults (path, commonjs2 library for Node, clean). */
  output?: Partial<Record<CompilerName, Configuration['output']>>;
  /** `experiments` per compiler (e.g. `outputModule` for an ESM server bundle). */
  experiments?: Partial<Record<CompilerName, Configuration['experiments']>>;
}

export function loaderRule(layer: 'server' | 'ssr' | 'browser', extra: object = {}) {
  return {
    test: /\.js$/,
    exclude: /node_modules/,
    use: [{ loader: ServerActionsPlugin.loader, options: { layer, ...extra } }],
  };
}

const ENTRIES: Record<CompilerName, string> = { browser: './src/browser.js', ssr: './src/ssr.js', server: './src/server.js' };

export function appConfigs(dir: string, options: AppConfigOptions = {}): Configuration[] {
  const plugin = options.plugin ?? new ServerActionsPlugin(options.pluginOptions);
  const compilers = options.compilers ?? ['browser', 'ssr', 'server'];
  return compilers.map((name) => ({
    name,
    mode: options.mode ?? 'development',
    context: dir,
    devtool: options.devtool ?? false,
    target: name === 'browser' ? 'web' : 'node',
    entry: { [name]: ENTRIES[name] },
    output: {
      path: path.join(dir, 'dist', name),
      library: name === 'browser' ? undefined : { type: 'commonjs2' },
      clean: true,
      ...options.output?.[name],
    },
    resolve: {
      modules: ['node_modules', REPO_NODE_MODULES],
      ...(name === 'server' ? { conditionNames: ['react-server', '...'] } : {}),
    },
    module: { rules: options.rules?.[name] ?? [loaderRule(name)] },
    plugins: [plugin],
    optimization: options.optimization,
    experiments: options.experiments?.[name],
    dependencies: options.dependencies?.[name],
    cache: options.cache ? cacheConfig(options.bundler ?? 'webpack', path.join(dir, '.cache'), name) : false,
    infrastructureLogging: { level: 'error' },
  }));
}

/** A persistent cache in `directory`: webpack's filesystem cache, Rspack's persistent cache. */
function cacheConfig(bundler: Bundler, directory: string, name: string): Configuration['cache'] {
  if (bundler === 'webpack') return { type: 'filesystem', cacheDirectory: directory, name, buildDependencies: {} };
  return { type: 'persistent', storage: { type: 'filesystem', directory: path.join(directory, name) } } as unknown as Configuration['cache'];
}

/** The bundler's Node API: `webpack` or `rspack` (same calls, same stats for what the tests read). */
export function bundlerApi(bundler: Bundler = 'webpack'): typeof webpack {
  return bundler === 'webpack' ? webpack : (require('@rspack/core').rspack as typeof webpack);
}

export function compile(configs: Configuration[] | Configuration, bundler: Bundler = 'webpack'): Promise<MultiStats | Stats> {
  return new Promise((resolve, reject) => {
    const compiler = bundlerApi(bundler)(configs as Configuration[]);
    compiler.run((error, stats) => {
      compiler.close((closeError) => {
        if (error || closeError) reject(error ?? closeError);
        else resolve(stats!);
      });
    });
  });
}

export function errorsOf(stats: MultiStats | Stats): string[] {
  // A MultiStats' own list repeats its children's errors: read each compilation once.
  const compilations = 'stats' in stats ? stats.stats : [stats];
  return compilations.flatMap((child) => child.toJson({ all: false, errors: true }).errors ?? []).map((e) => plainMessage(e.message));
}

/**
 * A stats error or warning as webpack words it. Rspack draws its messages: a "×" (error) or "⚠"
 * (warning) before the first line, a "│" before each other line, all indented by two spaces, and a
 * line break at the end; a message nested under another one (a loader's thrown error under "Module
 * build failed") keeps its own drawing. Where it sees a CI (the `CI` variable), it colours them too.
 */
export function plainMessage(colored: string): string {
  const message = stripVTControlCharacters(colored);
  if (!/^ {2}[×⚠] /.test(message)) return message;
  return message
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => line.replace(/^ {2}[×⚠│] ?/, ''))
    .join('\n');
}

export async function compileOk(configs: Configuration[] | Configuration, bundler: Bundler = 'webpack'): Promise<MultiStats | Stats> {
  const stats = await compile(configs, bundler);
  const errors = errorsOf(stats);
  if (errors.length > 0) throw new Error(`Build failed:\n${errors.join('\n\n')}`);
  return stats;
}

export function readOutput(dir: string, compiler: CompilerName, file: string): string {
  return readFileSync(path.join(dir, 'dist', compiler, file), 'utf8');
}

export function readJson<T = Record<string, any>>(dir: string, compiler: CompilerName, file: string): T {
  return JSON.parse(readOutput(dir, compiler, file)) as T;
}

export function outputExists(dir: string, compiler: CompilerName, file: string): boolean {
  return existsSync(path.join(dir, 'dist', compiler, file));
}

/**
 * Loads an ES module bundle with a real dynamic `import()` (tsx would turn an `import()` written here
 * into `require`). Each file URL is loaded once per process: give each build its own directory.
 */
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<any>;

export function importBundle<T = any>(dir: string, compiler: CompilerName, file = `${compiler}.mjs`): Promise<T> {
  return importModule(pathToFileURL(path.join(dir, 'dist', compiler, file)).href) as Promise<T>;
}

/** Loads a commonjs2 bundle fresh. */
export function requireBundle<T = any>(dir: string, compiler: CompilerName, file = `${compiler}.js`): T {
  const bundle = path.join(dir, 'dist', compiler, file);
  delete require.cache[require.resolve(bundle)];
  return require(bundle) as T;
}
