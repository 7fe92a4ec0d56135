/**
 * Makes the export keeper of a compilation on Rspack (see keep-exports.ts): a module with one function,
 * never called, that imports each module React loads by ID with a weak `import()`. A weak import adds
 * no chunk and loads nothing, but the bundler sees the whole namespace of the module used, so its
 * exports and what they import are kept, and the module stays whole (not concatenated into another).
 *
 * Its requests are relative to the file the keeper's module stands on (one of the files it keeps,
 * whose text it ignores); they come in the loader's options, not in memory, since Rspack may run
 * loaders in worker threads.
 */
import type { LoaderContext } from 'webpack';

export interface ExportKeeperOptions {
  requests: string[];
}

export default function exportKeeperLoader(this: LoaderContext<ExportKeeperOptions>): void {
  const { requests } = this.getOptions();
  if (!Array.isArray(requests) || !requests.every((request) => typeof request === 'string')) {
    this.callback(new Error('webpack-server-actions: the export keeper needs `requests`, a list of module requests.'));
    return;
  }
  const imports = requests.map((request) => `    import(/* webpackMode: "weak" */ ${JSON.stringify(request)}),\n`).join('');
  this.callback(
    null,
    `// webpack-server-actions: keeps the exports React reads by module ID and name (never called).\n` +
      `export function keepExportsReactReads() {\n  return [\n${imports}  ];\n}\n`,
  );
}
