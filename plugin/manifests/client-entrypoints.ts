/**
 * The scripts of each entrypoint of the browser compilation, so that SSR can name its bootstrap scripts
 * from the build instead of hard-coding them:
 *   { "<entry name>": ["<public path><file>", …] }   (keys sorted)
 * Files in webpack's load order for the entrypoint (`getFiles()`: the runtime chunk and split chunks
 * before the entry chunk); JavaScript only, without hot updates or source maps. A public path that the
 * browser works out at run time ("auto") cannot be written down: the files are then listed as they are,
 * relative to the output directory.
 */
import type { Compilation } from 'webpack';
import type { ClientEntrypoints } from '../../runtime/types';

/** `.js` or `.mjs`, before any query (`[name].js?[contenthash]` keeps its query in the URL). */
const SCRIPT = /\.m?js(\?.*)?$/;
/**
 * Hot module replacement adds a rebuild's hot update to its chunk's files, in processAssets too. Ours
 * runs first today (the plugin taps `thisCompilation`, HMR `compilation`); this keeps the list right
 * whatever the order.
 */
const HOT_UPDATE = /\.hot-update\.m?js(\?.*)?$/;

export function clientEntrypoints(compilation: Compilation): ClientEntrypoints {
  const publicPath = resolvedPublicPath(compilation);
  const names = [...compilation.entrypoints.keys()].sort();
  return Object.fromEntries(
    names.map((name) => {
      const files = compilation.entrypoints.get(name)!.getFiles();
      return [name, files.filter((file) => SCRIPT.test(file) && !HOT_UPDATE.test(file)).map((file) => publicPath + file)];
    }),
  );
}

export function clientEntrypointsJson(compilation: Compilation): string {
  return JSON.stringify(clientEntrypoints(compilation), null, 2) + '\n';
}

/** `output.publicPath` as the runtime's `__webpack_public_path__` gets it (`[fullhash]` filled in); "" for "auto". */
function resolvedPublicPath(compilation: Compilation): string {
  const { publicPath } = compilation.outputOptions;
  if (publicPath === undefined || publicPath === 'auto') return '';
  return compilation.getPath(publicPath, { hash: compilation.hash ?? undefined });
}
