/**
 * Every error and warning the plugin adds to a compilation is made here: a WebpackError (from
 * `compiler.webpack`) whose message starts with the package's name, with its stack hidden, since the
 * stack says where the plugin noticed the problem, not where it is. The texts say what is wrong and
 * what to change.
 */
import * as path from 'node:path';
import type { Compilation, Compiler, NormalModule, WebpackError } from 'webpack';

function buildProblem(compilation: Compilation, message: string): WebpackError {
  const problem = new compilation.compiler.webpack.WebpackError(`webpack-server-actions: ${message}`);
  problem.hideStack = true;
  return problem;
}

export function addError(compilation: Compilation, message: string): void {
  compilation.errors.push(buildProblem(compilation, message));
}

export function addWarning(compilation: Compilation, message: string): void {
  compilation.warnings.push(buildProblem(compilation, message));
}

/**
 * A problem with some modules: `message` gets their files, one `  - <path>` line each, sorted. Nothing
 * is added when there are none.
 */
export function addModulesProblem(
  compilation: Compilation,
  severity: 'error' | 'warning',
  modules: NormalModule[],
  message: (files: string) => string,
): void {
  if (modules.length === 0) return;
  const files = [...new Set(modules.map((module) => `  - ${displayPath(compilation.compiler, module.resource)}`))];
  files.sort();
  const add = severity === 'error' ? addError : addWarning;
  add(compilation, message(files.join('\n')));
}

/** A file as problems show it: relative to the compiler's context, with POSIX separators. */
export function displayPath(compiler: Compiler, file: string): string {
  return path.relative(compiler.context, file).split(path.sep).join('/');
}

/** The compiler's name as problems quote it. */
export function compilerName(compiler: Compiler): string {
  return compiler.name ?? '(unnamed compiler)';
}
