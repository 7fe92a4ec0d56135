/** What the setup checks share: reporting a problem, and where a module comes from. */
import * as path from 'node:path';
import type { Compilation, Compiler, Module, NormalModule, WebpackError } from 'webpack';
import type { Layer } from '../../shared/module-record';
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

export function packageOf(module: NormalModule): PackageFile | undefined {
  const data = module.resourceResolveData;
  const description = data?.descriptionFileData as { name?: unknown; version?: unknown } | undefined;
  if (!data?.descriptionFileRoot || typeof description?.name !== 'string' || !data.relativePath) return undefined;
  return {
    name: description.name,
    version: typeof description.version === 'string' ? description.version : '?',
    root: data.descriptionFileRoot,
    relativePath: data.relativePath,
  };
}

export function report(
  compilation: Compilation,
  severity: 'error' | 'warning',
  modules: NormalModule[],
  message: (files: string) => string,
): void {
  if (modules.length === 0) return;
  const files = [...new Set(modules.map((module) => `  - ${displayPath(compilation.compiler, module.resource)}`))].sort();
  const text = `webpack-server-actions: ${message(files.join('\n'))}`;
  if (severity === 'error') compilation.errors.push(problem(compilation, text));
  else compilation.warnings.push(problem(compilation, text));
}

export function warn(compilation: Compilation, message: string): void {
  compilation.warnings.push(problem(compilation, message));
}

export function problem(compilation: Compilation, message: string): WebpackError {
  const error = new compilation.compiler.webpack.WebpackError(message);
  error.hideStack = true;
  return error;
}

export function displayPath(compiler: Compiler, file: string): string {
  return path.relative(compiler.context, file).split(path.sep).join('/');
}
