/**
 * Once the bundler's options are complete (`environment`), turns off the incremental rebuild passes
 * that would undo what the plugin sets (bundler/incremental-passes.ts; Rspack only).
 */
import type { Compiler } from 'webpack';
import { turnOffIncrementalPasses } from '../bundler/incremental-passes';
import { PLUGIN_NAME } from './plugin-name';

export function tapEnvironmentToTurnOffIncrementalPasses(compiler: Compiler): void {
  compiler.hooks.environment.tap(PLUGIN_NAME, () => turnOffIncrementalPasses(compiler));
}
