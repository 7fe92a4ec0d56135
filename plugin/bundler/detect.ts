/**
 * Which bundler runs the plugin. The plugin and the loader are written against webpack 5's API and run
 * on Rspack 2 too; the few places where Rspack's API differs or is missing each have a module in this
 * folder, which asks `isRspack` and takes the bundler's way. Rspack gives its compiler's `webpack`
 * property (its own exports) an `rspackVersion`; webpack has none.
 */
import type { Compiler } from 'webpack';

export type BundlerName = 'webpack' | 'rspack';

export function isRspack(compiler: Compiler): boolean {
  return typeof (compiler.webpack as { rspackVersion?: unknown }).rspackVersion === 'string';
}

export function bundlerName(compiler: Compiler): BundlerName {
  return isRspack(compiler) ? 'rspack' : 'webpack';
}
