/**
 * A file outside the app's node_modules tree (a linked workspace package) cannot resolve the packages
 * that the loader's output makes it import: webpack reports "Module not found" for each, which says
 * nothing about why. One error lists them all with the fix.
 */
import type { Compilation, NormalModule, WebpackError } from 'webpack';
import { getModuleRecord } from '../../shared/module-record';
import { addError, displayPath } from '../build-problems';

/** Requests that the loader's output adds to a module, as webpack's "Module not found" names them. */
const ADDED_IMPORT = /Can't resolve '((?:webpack-server-actions|react-server-dom-webpack)(?:\/[^']*)?)'/;

export function checkUnresolvedImports(compilation: Compilation): void {
  const unresolved = new Map<string, Set<string>>();
  for (const error of compilation.errors as WebpackError[]) {
    const request = error.name === 'ModuleNotFoundError' && error.module ? ADDED_IMPORT.exec(error.message)?.[1] : undefined;
    const record = request ? getModuleRecord(error.module!) : undefined;
    if (!request || !(record?.directive || record?.inlineServerFunctions)) continue;
    const file = displayPath(compilation.compiler, (error.module as NormalModule).resource);
    unresolved.set(file, (unresolved.get(file) ?? new Set()).add(request));
  }
  if (unresolved.size === 0) return;
  const lines = [...unresolved].map(([file, requests]) => `  - ${file}: ${[...requests].sort().join(', ')}`).sort();
  addError(
    compilation,
    'the loader makes these files import packages that cannot be resolved from where ' +
      `the files are (a linked workspace package does not see the app's node_modules):\n${lines.join('\n')}\n` +
      "Let webpack find them: add the app's node_modules to `resolve.modules` " +
      "(`modules: ['node_modules', path.resolve(__dirname, 'node_modules')]`), or list these packages in the " +
      '`dependencies` or `peerDependencies` of the package that holds the files.',
  );
}

