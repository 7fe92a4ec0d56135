/**
 * The browser compiler's configuration in development: a copy of the app's with what the page needs to
 * follow edits added (the app's configuration object is not changed, so its production build stays as
 * it was):
 * - the dev client (runtime/dev-client) in every entry: it listens to the dev server's events, lets
 *   webpack-hot-middleware's client apply hot updates, re-fetches the page after a server edit and
 *   shows build errors;
 * - webpack's HotModuleReplacementPlugin;
 * - with React Refresh, @pmmmwh/react-refresh-webpack-plugin and `react-refresh/babel` in the options of
 *   every babel-loader of the configuration, so that a client component's edit keeps its state.
 */
import type { Compiler, Configuration, RuleSetRule, RuleSetUseItem } from 'webpack';
import { requireDevDependency, resolveDevDependency } from './optional-dependencies';

const DEV_CLIENT = require.resolve('../runtime/dev-client/index');
const DEV_CLIENT_WITH_REACT_REFRESH = require.resolve('../runtime/dev-client/react-refresh');

export function developmentBrowserConfig(config: Configuration, reactRefresh: boolean, warn: (message: string) => void): Configuration {
  const plugins = [...(config.plugins ?? []), hotModuleReplacement];
  let rules = config.module?.rules;
  if (reactRefresh) {
    type RefreshPlugin = new (options: { overlay: false }) => { apply(compiler: Compiler): void };
    const ReactRefreshPlugin = requireDevDependency<RefreshPlugin>('@pmmmwh/react-refresh-webpack-plugin', 'React Refresh');
    plugins.push(new ReactRefreshPlugin({ overlay: false }));
    const refreshBabel = resolveDevDependency('react-refresh/babel', 'React Refresh');
    const found = { babelLoaders: 0 };
    rules = rules?.map((rule) => (isRule(rule) ? withBabelPlugin(rule, refreshBabel, found) : rule));
    if (found.babelLoaders === 0) {
      warn(
        'webpack-server-actions/dev: no babel-loader in the browser configuration, so react-refresh/babel was not ' +
          'added: add it to your Babel configuration (development only), or pass reactRefresh: false.',
      );
    }
  }
  // Last: React Refresh's runtime must reach React's global hook before the dev client imports react-dom.
  plugins.push(devClientEntry(reactRefresh ? DEV_CLIENT_WITH_REACT_REFRESH : DEV_CLIENT));
  return { ...config, plugins, module: { ...config.module, rules } };
}

function devClientEntry(client: string): (compiler: Compiler) => void {
  // A global entry (no name): added to every entry of the compiler, as React Refresh adds its runtime.
  return (compiler) => new compiler.webpack.EntryPlugin(compiler.context, client, { name: undefined }).apply(compiler);
}

function hotModuleReplacement(compiler: Compiler): void {
  new compiler.webpack.HotModuleReplacementPlugin().apply(compiler);
}

function isRule(rule: unknown): rule is RuleSetRule {
  return typeof rule === 'object' && rule !== null;
}

function withBabelPlugin(rule: RuleSetRule, plugin: string, found: { babelLoaders: number }): RuleSetRule {
  const copy: RuleSetRule = { ...rule };
  if (rule.oneOf) copy.oneOf = rule.oneOf.map((inner) => (isRule(inner) ? withBabelPlugin(inner, plugin, found) : inner));
  if (rule.rules) copy.rules = rule.rules.map((inner) => (isRule(inner) ? withBabelPlugin(inner, plugin, found) : inner));
  if (typeof rule.loader === 'string' && isBabelLoader(rule.loader)) {
    found.babelLoaders++;
    copy.options = withPlugin(rule.options, plugin);
  }
  if (rule.use !== undefined && typeof rule.use !== 'function') {
    const items = Array.isArray(rule.use) ? rule.use : [rule.use];
    const use = items.map((item) => useWithBabelPlugin(item as RuleSetUseItem, plugin, found));
    copy.use = Array.isArray(rule.use) ? use : use[0];
  }
  return copy;
}

function useWithBabelPlugin(item: RuleSetUseItem, plugin: string, found: { babelLoaders: number }): RuleSetUseItem {
  if (typeof item === 'string') {
    if (!isBabelLoader(item)) return item;
    found.babelLoaders++;
    return { loader: item, options: withPlugin(undefined, plugin) };
  }
  if (typeof item !== 'object' || item === null || typeof item.loader !== 'string' || !isBabelLoader(item.loader)) return item;
  found.babelLoaders++;
  return { ...item, options: withPlugin(item.options, plugin) };
}

function isBabelLoader(loader: string): boolean {
  return /(^|[\\/])babel-loader([\\/?]|$)/.test(loader);
}

function withPlugin(options: unknown, plugin: string): Record<string, unknown> {
  const given = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {};
  const plugins = Array.isArray(given.plugins) ? given.plugins : [];
  return { ...given, plugins: [...plugins, plugin] };
}
