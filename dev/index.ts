/**
 * webpack-server-actions/dev: the development loop in the app's own server process (Node only, never
 * part of a bundle or of a production code path). `createDevServer({ config })` runs the app's
 * compilers in watch mode as one MultiCompiler and returns:
 * - `middleware(request, response, next)`: for Node's http and Express/Connect. It carries the event
 *   stream to open pages (webpack-hot-middleware's, with this module's events on it), serves the browser
 *   compiler's output, and holds every other request until the build under way has finished;
 * - `bundles()`: the server and SSR bundles and the manifests of the last build that worked, loaded
 *   afresh after each build, for the app's request handler.
 * After a server edit, open pages re-fetch their Flight payload (client state kept); a client edit is a
 * hot update applied by React Refresh; a failed build keeps the last good one running and shows its
 * errors in the terminal and in the page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Compiler, MultiCompiler, Stats } from 'webpack';
import type WebpackHotMiddleware from 'webpack-hot-middleware';
import { ServerActionsPlugin } from '../plugin/index';
import { DEV_EVENTS_PATH, type DevEvent } from '../runtime/dev-client/events';
import { developmentBrowserConfig } from './browser-config';
import { errorsForPage, problemsForTerminal } from './build-errors';
import { failedFirstBuildPage } from './failed-build-page';
import { createHotRelay, holdBrowserUpdates } from './hold-browser-updates';
import { loadBundles, loadManifests, type BuiltCompilers, type DevBundles } from './fresh-bundles';
import { requireDevDependency } from './optional-dependencies';
import { normalizeDevServerOptions, type DevServerOptions, type NormalizedDevServerOptions } from './options';
import { publicPathOf, serveBuildOutput } from './static-files';

export type { DevServerOptions, CompilerNames, BuildResult } from './options';
export type { DevBundles } from './fresh-bundles';

export interface DevServer {
  /** For Node's http (`(request, response) => dev.middleware(request, response, () => app(request, response))`) and Express/Connect (`app.use(dev.middleware)`). */
  middleware(request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void): void;
  /** The bundles and manifests of the last build that worked. Throws before the first one. */
  bundles(): DevBundles;
  /** Resolves once no build is under way (the first one included). */
  ready(): Promise<void>;
  /** Stops watching and closes the pages' event streams. */
  close(): Promise<void>;
}

type HotMiddleware = ReturnType<typeof WebpackHotMiddleware>;

export function createDevServer(options: DevServerOptions): DevServer {
  const normalized = normalizeDevServerOptions(options);
  const { compilers: names, log } = normalized;
  const webpack = requireWebpack();
  const configs = normalized.config.map((config) =>
    config.name === names.browser ? developmentBrowserConfig(config, normalized.reactRefresh, log) : config,
  );
  const multi = webpack(configs) as MultiCompiler;
  const compiler = (name: string) => multi.compilers.find((candidate) => candidate.name === name)!;
  const browser = compiler(names.browser);
  const publicPath = publicPathOf(browser.options.output.publicPath, names.browser);
  const filenames = pluginFilenames(browser);
  const hotMiddleware = requireDevDependency<typeof WebpackHotMiddleware>('webpack-hot-middleware', 'hot updates and the event stream');
  // webpack-hot-middleware hears of the browser build only through this relay, once the whole round is
  // known to be good: see hold-browser-updates.ts.
  const relay = createHotRelay();
  const hot: HotMiddleware = hotMiddleware(relay as unknown as Compiler, { path: DEV_EVENTS_PATH, log: false });
  const publish = (event: DevEvent) => hot.publish(event);
  const browserUpdates = holdBrowserUpdates(browser);

  let current: DevBundles | null = null;
  // The hashes of the server and SSR builds that `current` holds: a build that changed neither (a
  // browser-only edit) keeps the bundles as they are.
  let loaded: { server: string; ssr: string } | null = null;
  let problems: string[] = [];
  let build = settleable();
  // The last stats of each compiler: a watch round reports only the compilers it ran.
  const latest = new Map<string, Stats>();
  for (const each of multi.compilers) {
    each.hooks.invalid.tap('webpack-server-actions/dev', () => {
      if (build.settled) build = settleable();
      relay.invalid();
    });
    each.hooks.done.tap('webpack-server-actions/dev', (stats) => void latest.set(each.name!, stats));
  }

  const watching = multi.watch({}, (error, multiStats) => {
    try {
      if (error || !multiStats) onFailed([String(error?.stack ?? error)], String(error?.stack ?? error));
      else onBuilt(multi.compilers.map((each) => latest.get(each.name!)!));
    } finally {
      build.settle();
    }
  });

  function onFailed(errors: string[], terminal: string): void {
    browserUpdates.discardRound();
    problems = errors;
    log(`webpack-server-actions/dev: the build failed; ${current ? 'serving the last build that worked' : 'nothing to serve yet'}.\n${terminal}`);
    publish({ action: 'wsa-problems', errors });
    normalized.onBuild({ errors, reloaded: false });
  }

  function onBuilt(stats: Stats[]): void {
    if (stats.some((each) => each.hasErrors())) return onFailed(errorsForPage(stats), problemsForTerminal(stats, colors()));
    const built = builtCompilers(stats, names);
    const hashes = { server: built.server.hash!, ssr: built.ssr.hash! };
    const reload = !loaded || loaded.server !== hashes.server || loaded.ssr !== hashes.ssr;
    // Only the server bundle shows in a Flight payload: an SSR-only change (a client component, which
    // its hot update applies) needs no refresh of the page.
    const serverChanged = loaded !== null && loaded.server !== hashes.server;
    try {
      current = reload ? loadBundles(built, filenames) : { ...current!, ...loadManifests(built, filenames) };
    } catch (loadError) {
      const message = String((loadError as Error)?.stack ?? loadError);
      return onFailed([`The server or SSR bundle threw while loading:\n${message}`], message);
    }
    const firstBuild = loaded === null;
    loaded = hashes;
    if (stats.some((each) => each.hasWarnings())) log(problemsForTerminal(stats, colors()));
    const took = Math.max(...stats.map((each) => (each.endTime ?? 0) - (each.startTime ?? 0)));
    log(`webpack-server-actions/dev: built in ${took} ms${reload && !firstBuild ? '; server and SSR bundles reloaded' : ''}.`);
    problems = [];
    publish({ action: 'wsa-ok' });
    if (browserUpdates.releaseRound()) relay.done(built.browser);
    if (serverChanged) publish({ action: 'wsa-server-update' });
    normalized.onBuild({ errors: [], reloaded: reload && !firstBuild });
  }

  function middleware(request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void): void {
    if (new URL(request.url ?? '/', 'http://localhost').pathname === DEV_EVENTS_PATH) {
      hot(request, response, next);
      // A page that connects after a failed build learns of it at once.
      if (problems.length > 0) setImmediate(() => publish({ action: 'wsa-problems', errors: problems }));
      return;
    }
    build.promise.then(() => {
      if (!current) {
        response.writeHead(500, { 'content-type': 'text/html; charset=utf-8' }).end(failedFirstBuildPage(problems));
        return;
      }
      if (serveBuildOutput(request, response, publicPath, browser.outputPath)) return;
      next();
    }, next);
  }

  return {
    middleware,
    bundles() {
      if (!current) throw new Error('webpack-server-actions/dev: no build has worked yet (await dev.ready(), and see its errors).');
      return current;
    },
    ready: () => build.promise,
    close: () =>
      new Promise<void>((resolve) => {
        hot.close();
        if (watching) watching.close(() => resolve());
        else resolve();
      }),
  };
}

function builtCompilers(stats: Stats[], names: NormalizedDevServerOptions['compilers']): BuiltCompilers {
  const byName = (name: string) => stats.find((each) => each.compilation.name === name)!;
  return { browser: byName(names.browser), ssr: byName(names.ssr), server: byName(names.server) };
}

function pluginFilenames(browser: Compiler): ServerActionsPlugin['filenames'] {
  const plugin = browser.options.plugins.find((each): each is ServerActionsPlugin => each instanceof ServerActionsPlugin);
  if (!plugin) {
    throw new Error(
      'webpack-server-actions/dev: the browser configuration has no ServerActionsPlugin (from this copy of ' +
        'webpack-server-actions): add the one instance the three configurations share to its plugins.',
    );
  }
  return plugin.filenames;
}

function requireWebpack(): typeof import('webpack') {
  return require('webpack');
}

function colors(): boolean {
  return Boolean(process.stdout.isTTY);
}

interface Settleable {
  promise: Promise<void>;
  settled: boolean;
  settle(): void;
}

function settleable(): Settleable {
  let settle!: () => void;
  const result: Settleable = {
    promise: new Promise<void>((resolve) => (settle = resolve)),
    settled: false,
    settle() {
      result.settled = true;
      settle();
    },
  };
  return result;
}
