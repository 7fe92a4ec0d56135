/**
 * The stage of the manifest's runtime module. Its code calls the chunk-filename function
 * (`__webpack_require__.u`) as soon as it runs, so it must come after that function's module. webpack
 * orders the runtime modules of one stage by name ("get javascript chunk filename" before "server
 * actions manifest"), and the default stage works; Rspack puts a stage-0 module first, so there the
 * module is attached last (`STAGE_ATTACH`).
 */
import type { Compilation } from 'webpack';
import { isRspack } from './detect';

export function manifestRuntimeStage(compilation: Compilation): number | undefined {
  return isRspack(compilation.compiler) ? compilation.compiler.webpack.RuntimeModule.STAGE_ATTACH : undefined;
}
