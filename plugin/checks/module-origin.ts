/** Where a module comes from, for the checks: its layer when the loader did not see it, its package. */
import type { Module, NormalModule } from 'webpack';
import type { Layer } from '../../shared/module-record';
import { descriptionFileOf, descriptionFileDataOf } from '../bundler/description-file';
import type { CompilationSnapshot } from '../coordination/compilation-snapshot';

/** The layer of a module the loader did not see, from its webpack layer; undefined when ambiguous. */
export function layerByWebpackLayer(snapshot: CompilationSnapshot): (module: Module) => Layer | undefined {
  const byWebpackLayer = new Map<string | null, Layer | undefined>();
  for (const [layer, webpackLayer] of snapshot.layers) {
    byWebpackLayer.set(webpackLayer, byWebpackLayer.has(webpackLayer) ? undefined : layer);
  }
  return (module) => byWebpackLayer.get(module.layer ?? null);
}

export interface PackageFile {
  name: string;
  version: string;
  root: string;
  /** The file within the package, as `./dir/file.js`. */
  relativePath: string;
}

/** The name in the package.json that the module was resolved through, if any; cheaper than `packageOf`. */
export function packageNameOf(module: NormalModule): string | undefined {
  const name = (descriptionFileDataOf(module) as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : undefined;
}

export function packageOf(module: NormalModule): PackageFile | undefined {
  const file = descriptionFileOf(module);
  const description = file?.data as { name?: unknown; version?: unknown } | undefined;
  if (!file || typeof description?.name !== 'string') return undefined;
  return {
    name: description.name,
    version: typeof description.version === 'string' ? description.version : '?',
    root: realRoot(module.resource, file.relativePath) ?? file.root,
    relativePath: file.relativePath,
  };
}

/**
 * The package's directory as the module's own path has it. webpack resolves a module to its real
 * path, but keeps the description file's directory as the request went through it: one package
 * reached through a symlink (pnpm, `npm link`, a linked node_modules) and through its real path would
 * look like two copies.
 */
function realRoot(resource: string, relativePath: string): string | undefined {
  const file = resource.split('?')[0];
  const inPackage = relativePath.replace(/^\.[\\/]/, '');
  const separator = file.includes('\\') && !file.includes('/') ? '\\' : '/';
  const tail = separator + inPackage.split('/').join(separator);
  return file.endsWith(tail) ? file.slice(0, file.length - tail.length) : undefined;
}
