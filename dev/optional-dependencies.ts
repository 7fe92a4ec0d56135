/**
 * The development loop's own dependencies are optional peer dependencies: production installs do
 * without them. Each is required here, when the dev server starts, with the install command when missing.
 */
const INSTALL = 'npm install --save-dev webpack-hot-middleware @pmmmwh/react-refresh-webpack-plugin react-refresh';

export function requireDevDependency<T>(name: string, why: string): T {
  try {
    return require(name) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND' || !String((error as Error).message).includes(name)) throw error;
    throw new Error(`webpack-server-actions/dev needs ${name} (${why}). Install the development loop's packages:\n  ${INSTALL}`);
  }
}

/** Where a dev dependency is, for webpack to resolve (a loader, a babel plugin, an entry). */
export function resolveDevDependency(name: string, why: string): string {
  try {
    return require.resolve(name);
  } catch {
    throw new Error(`webpack-server-actions/dev needs ${name} (${why}). Install the development loop's packages:\n  ${INSTALL}`);
  }
}
