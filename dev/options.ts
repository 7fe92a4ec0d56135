/** createDevServer's options: validated with schema-utils, defaults applied here only. */
import { validate } from 'schema-utils';
import type { Schema } from 'schema-utils/declarations/validate';
import type { Configuration } from 'webpack';
import schema from './options.json';

export interface DevServerOptions {
  /** The app's webpack configurations (browser, SSR, server), as webpack.config.js exports them. */
  config: Configuration[];
  /** The `name` of each configuration. Default: `{ browser: 'browser', ssr: 'ssr', server: 'server' }`. */
  compilers?: Partial<CompilerNames>;
  /** React Refresh for client components (default true); false reloads the page on a client edit. */
  reactRefresh?: boolean;
  /** Where build results and errors go: a function, or false. Default: the console. */
  log?: false | ((message: string) => void);
  /** Called after every build with its outcome. */
  onBuild?: (result: BuildResult) => void;
}

export interface CompilerNames {
  browser: string;
  ssr: string;
  server: string;
}

export interface BuildResult {
  /** The build's errors, as the page shows them (no colours); empty when it succeeded. */
  errors: string[];
  /** Whether the server and SSR bundles were loaded afresh (a successful build that changed them). */
  reloaded: boolean;
}

export interface NormalizedDevServerOptions {
  config: Configuration[];
  compilers: CompilerNames;
  reactRefresh: boolean;
  log: (message: string) => void;
  onBuild: (result: BuildResult) => void;
}

export function normalizeDevServerOptions(options: DevServerOptions): NormalizedDevServerOptions {
  validate(schema as Schema, options, { name: 'webpack-server-actions/dev', baseDataPath: 'options' });
  const compilers = { browser: 'browser', ssr: 'ssr', server: 'server', ...options.compilers };
  const names = options.config.map((config) => config.name);
  for (const [role, name] of Object.entries(compilers)) {
    if (!names.includes(name)) {
      throw new Error(
        `webpack-server-actions/dev: no configuration is named "${name}" (the ${role} compiler). The configurations ` +
          `are named ${names.map((found) => JSON.stringify(found ?? null)).join(', ')}: give each its \`name\`, or say ` +
          `which is which with the \`compilers\` option, e.g. compilers: { ${role}: "…" }.`,
      );
    }
  }
  return {
    config: options.config,
    compilers,
    reactRefresh: options.reactRefresh ?? true,
    log: options.log === false ? () => {} : (options.log ?? ((message) => console.log(message))),
    onBuild: options.onBuild ?? (() => {}),
  };
}
