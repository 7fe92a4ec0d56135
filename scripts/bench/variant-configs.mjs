// @ts-check
/**
 * The webpack configurations the build benchmark compares, for one synthetic app: the same two
 * compilers (a server compiler whose RSC and SSR layers share it, and a browser compiler), the same
 * JSX loader rule and the same entries, in three variants:
 *   floor – plain webpack, no handling of "use server" or "use client" (see floorConfigs);
 *   ours  – webpack-server-actions, configured as docs/layers-and-setups.md's "Layers" shows;
 *   mfng  – @mfng/webpack-rsc 2.2.0, configured as its README shows.
 * The JSX loader is babel-loader or swc-loader, the same for every variant of a round: with
 * swc-loader, only what the variant itself loads is Babel, so this package's own fixed cost shows.
 * On Rspack (settings.bundler), the floor and this package build from the same configurations, with
 * the same JS loaders (not Rspack's builtin:swc-loader, which webpack has no counterpart of); only
 * what Rspack spells differently changes (cacheOption). @mfng/webpack-rsc is not run on Rspack.
 * Plain JavaScript rather than TypeScript: the build child runs it with no loader hooks, so that
 * nothing but webpack and the variant's code runs while it is timed.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const REPO_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const SCRIPTS = /\.jsx?$/;

/**
 * JSX only, as React's automatic runtime wants it, and nothing else of the syntax rewritten.
 * @param {'babel' | 'swc'} jsx
 * @param {string | false} devtool
 */
function jsxLoader(jsx, devtool) {
  if (jsx === 'babel') {
    return {
      loader: require.resolve('babel-loader'),
      options: {
        babelrc: false,
        configFile: false,
        presets: [[require.resolve('@babel/preset-react'), { runtime: 'automatic' }]],
      },
    };
  }
  return {
    loader: require.resolve('swc-loader'),
    options: {
      swcrc: false,
      // The next loader (this package's, @mfng/webpack-rsc's) gets an object, as from babel-loader;
      // without a devtool there is no map, and parsing one would throw.
      parseMap: devtool !== false,
      // swc-loader would pick jsxDEV in development mode; @babel/preset-react's default is jsx.
      jsc: { target: 'esnext', parser: { syntax: 'ecmascript', jsx: true }, transform: { react: { runtime: 'automatic', development: false } } },
    },
  };
}

/**
 * @typedef {{ cache: 'none' | 'filesystem' | 'memory', cacheDirectory: string, devtool: string | false, mode: 'development' | 'production', jsx: 'babel' | 'swc', bundler: 'webpack' | 'rspack' }} Settings
 */

/**
 * The cache setting in the bundler's terms. Rspack 2's filesystem cache is `type: 'persistent'`; each
 * compiler keeps its own under `name` in the shared directory, as with webpack.
 * @param {Settings} settings
 * @param {string} name
 */
function cacheOption(settings, name) {
  if (settings.cache === 'memory') return { type: 'memory' };
  if (settings.cache === 'none') return false;
  return settings.bundler === 'rspack'
    ? { type: 'persistent', name, buildDependencies: [], storage: { type: 'filesystem', directory: settings.cacheDirectory } }
    : { type: 'filesystem', cacheDirectory: settings.cacheDirectory, name, buildDependencies: {} };
}

/**
 * @param {string} appDir
 * @param {Settings} settings
 * @returns {(name: string) => import('webpack').Configuration}
 */
function common(appDir, settings) {
  return (name) => ({
    name,
    // In production, webpack's own minimizer, whose worker threads are in the build's process.
    mode: settings.mode,
    context: appDir,
    devtool: settings.devtool,
    resolve: { modules: ['node_modules', path.join(REPO_ROOT, 'node_modules')], extensions: ['.js', '.jsx'] },
    cache: cacheOption(settings, name),
    infrastructureLogging: { level: 'error' },
    stats: 'errors-warnings',
  });
}

const serverOutput = (appDir) => ({ path: path.join(appDir, 'dist/server'), library: { type: 'commonjs2' }, clean: true });
const browserOutput = (appDir) => ({ path: path.join(appDir, 'dist/browser'), publicPath: '/assets/', clean: true });
const reactServerCondition = (layer) => ({ issuerLayer: layer, resolve: { conditionNames: ['react-server', '...'] } });

/** The server compiler of the floor and of this package: the RSC and SSR entries in layers of their own. */
const layeredServer = (base, appDir, ssrEntry) => ({
  ...base('server'),
  target: 'node',
  experiments: { layers: true },
  entry: {
    rsc: { import: './src/entries/rsc.jsx', layer: 'rsc' },
    ssr: { import: ssrEntry, layer: 'ssr' },
  },
  output: serverOutput(appDir),
});

/**
 * In the RSC layer, a client component becomes a stand-in with its exports, as references do. The
 * layer is read from the issuer: no floor rule sets one, so a module is in its issuer's layer, and
 * Rspack's createData carries no layer.
 */
class FloorClientStubsPlugin {
  /** @param {Map<string, string>} stubs */
  constructor(stubs) {
    this.stubs = stubs;
  }
  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    compiler.hooks.normalModuleFactory.tap('FloorClientStubsPlugin', (factory) => {
      factory.hooks.afterResolve.tap('FloorClientStubsPlugin', ({ contextInfo, createData }) => {
        const stub = contextInfo.issuerLayer === 'rsc' && this.stubs.get(/** @type {string} */ (createData.resource));
        if (stub) createData.resource = stub;
      });
    });
  }
}

function floorConfigs(appDir, description, settings) {
  const base = common(appDir, settings);
  const rule = { test: SCRIPTS, exclude: /node_modules/, use: [jsxLoader(settings.jsx, settings.devtool)] };
  return [
    {
      ...layeredServer(base, appDir, './src/entries/floor-ssr.jsx'),
      module: { rules: [reactServerCondition('rsc'), rule] },
      plugins: [new FloorClientStubsPlugin(new Map(description.floorStubs))],
    },
    {
      ...base('browser'),
      target: 'web',
      entry: { main: './src/entries/floor-browser.jsx' },
      output: browserOutput(appDir),
      module: { rules: [rule] },
    },
  ];
}

async function oursConfigs(appDir, _description, settings) {
  const { ServerActionsPlugin } = require(REPO_ROOT);
  const plugin = new ServerActionsPlugin({ root: appDir });
  const base = common(appDir, settings);
  const rule = (issuerLayer, layer) => ({
    ...(issuerLayer ? { issuerLayer } : {}),
    test: SCRIPTS,
    exclude: /node_modules/,
    use: [{ loader: ServerActionsPlugin.loader, options: { layer } }, jsxLoader(settings.jsx, settings.devtool)],
  });
  return [
    {
      ...layeredServer(base, appDir, './src/entries/ssr.jsx'),
      module: { rules: [reactServerCondition('rsc'), rule('rsc', 'server'), rule('ssr', 'ssr')] },
      plugins: [plugin],
    },
    {
      ...base('browser'),
      target: 'web',
      entry: { main: './src/entries/browser.jsx' },
      output: browserOutput(appDir),
      module: { rules: [rule(undefined, 'browser')] },
      plugins: [plugin],
    },
  ];
}

async function mfngConfigs(appDir, _description, settings) {
  const rsc = await import('@mfng/webpack-rsc');
  const clientReferencesMap = new Map();
  const serverReferencesMap = new Map();
  const base = common(appDir, settings);
  const withJsx = (loader) => ({ test: SCRIPTS, exclude: /node_modules/, use: [loader, jsxLoader(settings.jsx, settings.devtool)] });
  return [
    {
      ...base('server'),
      target: 'node',
      experiments: { layers: true },
      // The plugin adds client components for SSR to the first entry, outside any layer.
      entry: {
        ssr: './src/entries/ssr.jsx',
        rsc: { import: './src/entries/rsc.jsx', layer: rsc.webpackRscLayerName },
      },
      output: serverOutput(appDir),
      module: {
        rules: [
          reactServerCondition(rsc.webpackRscLayerName),
          {
            oneOf: [
              { issuerLayer: rsc.webpackRscLayerName, ...withJsx(rsc.createWebpackRscServerLoader({ clientReferencesMap })) },
              withJsx(rsc.createWebpackRscSsrLoader()),
            ],
          },
        ],
      },
      plugins: [new rsc.WebpackRscServerPlugin({ clientReferencesMap, serverReferencesMap })],
    },
    {
      ...base('browser'),
      target: 'web',
      // Its README: the client compiler must follow the server compiler, in watch mode too.
      dependencies: ['server'],
      entry: { main: './src/entries/browser.jsx' },
      output: browserOutput(appDir),
      module: {
        rules: [
          withJsx(
            rsc.createWebpackRscClientLoader({
              serverReferencesMap,
              callServerImportSource: path.join(appDir, 'src/entries/call-server.js'),
            }),
          ),
        ],
      },
      plugins: [new rsc.WebpackRscClientPlugin({ clientReferencesMap })],
    },
  ];
}

export const VARIANTS = { floor: floorConfigs, ours: oursConfigs, mfng: mfngConfigs };

/**
 * What a complete build of the variant emitted: the server functions its server manifest lists and
 * the client components its client manifest lists, to compare with the app's description.
 * @returns {{ serverFunctions: number, clientComponents: number } | null}
 */
export function readOutputCounts(variant, appDir, fs) {
  const read = (file) => JSON.parse(fs.readFileSync(path.join(appDir, 'dist', file), 'utf8'));
  if (variant === 'ours') {
    return {
      serverFunctions: Object.keys(read('server/server-actions-manifest.json')).length,
      clientComponents: Object.keys(read('browser/react-client-manifest.json')).length,
    };
  }
  if (variant === 'mfng') {
    const serverManifest = read('server/react-server-manifest.json');
    return {
      serverFunctions: Object.values(serverManifest).reduce((sum, names) => sum + names.length, 0),
      clientComponents: Object.keys(read('browser/react-client-manifest.json')).length,
    };
  }
  return null;
}
