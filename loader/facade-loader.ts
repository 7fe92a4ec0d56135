/**
 * The facade loader: a second loader of this package, which no webpack config names. It makes the
 * facade of a module with inline server functions: a module that re-exports those functions and
 * nothing else. The server manifest points at the facade rather than at the module itself, so that no
 * action ID, not even through React's `<key>#<name>` fallback, reaches the module's other exports (a
 * server component, a helper).
 *
 * Who asks for it: the main loader (index.ts), when it has hoisted inline server functions in the
 * server layer, appends `facadeImport`'s code to the module's output. That code imports the facade
 * with `import()` in a function that never runs, through an inline request to this file
 * (`!!<this loader>?{"exports":[…]}!./<file>`): no configured loader runs on the facade, and the file
 * it re-exports from goes through the configured loaders in the same layer, as the very module of the
 * graph. webpack puts the facade in an async chunk below the chunk that holds the module, so a server
 * component loaded with `import()` stays in its async chunk, and the manifest lists the chunks React
 * loads before it requires the facade.
 *
 * This loader records the facade on its module's `buildInfo` (`facade: true`); the plugin gives the
 * facade a module ID of its own (plugin/loaded-by-id/module-ids.ts) and lists it in the server
 * manifest (plugin/manifests/server-manifest.ts).
 */
import * as path from 'node:path';
import type { LoaderContext } from 'webpack';
import { toRelativePath } from '../shared/ids';
import { getLoaderHandshake, setModuleRecord } from '../shared/module-record';

export interface FacadeLoaderOptions {
  exports: string[];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Code to append to the server-layer output of a module with inline server functions. The chunk is
 * named after the file's relative path, so that its name is the same in every checkout (webpack would
 * otherwise name it after the facade's request, which holds this loader's absolute path).
 */
export function facadeImport(loaderContext: LoaderContext<unknown>, relativePath: string, exportNames: string[]): string {
  const loader = `!!${__filename}?${JSON.stringify({ exports: exportNames })}`;
  const request = `${loader}!${sameModuleRequest(loaderContext)}`;
  const chunkName = `server-functions-${relativePath.replace(/[^A-Za-z0-9]+/g, '_')}`;
  // In a block of its own (the output is a module, so strict): the function's name cannot clash with
  // a name of the file.
  return (
    `\n// webpack-server-actions: the module React loads this file's server functions from (never called).\n` +
    `{\n` +
    `  function __webpack_server_actions_facade__() {\n` +
    `    return import(/* webpackChunkName: ${JSON.stringify(chunkName)} */ ${JSON.stringify(request)});\n` +
    `  }\n` +
    `}\n`
  );
}

export default function facadeLoader(this: LoaderContext<FacadeLoaderOptions>): void {
  const { exports } = this.getOptions();
  if (!Array.isArray(exports) || !exports.every((name) => typeof name === 'string' && IDENTIFIER.test(name))) {
    this.callback(new Error('webpack-server-actions: the facade loader needs `exports`, a list of identifiers.'));
    return;
  }
  const handshake = getLoaderHandshake(this);
  if (this._module && handshake) {
    const relativePath = toRelativePath(handshake.root, this.resourcePath);
    setModuleRecord(this._module, { layer: 'server', fingerprint: handshake.fingerprint, facade: true, relativePath });
  }
  this.callback(null, `export { ${exports.join(', ')} } from ${JSON.stringify(sameModuleRequest(this))};\n`);
}

/** The module being built, requested from its own directory: relative, so no absolute path reaches a bundle. */
function sameModuleRequest(loaderContext: LoaderContext<unknown>): string {
  return `./${path.basename(loaderContext.resourcePath)}${loaderContext.resourceQuery}${loaderContext.resourceFragment}`;
}
