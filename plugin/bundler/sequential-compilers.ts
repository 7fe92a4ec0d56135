/**
 * Compilers of one build that run one after another (coordination/discover-peers.ts): webpack lets the
 * plugin make a later compiler's module graph ahead of its run (`newCompilationParams`,
 * `newCompilation` and the `make` hook, called by hand). Rspack's JavaScript API has none of these, so
 * there the build fails with what to change rather than emit bundles that miss each other's modules.
 */
import type { Compilation, Compiler } from 'webpack';
import { addError, compilerName } from '../build-problems';
import { isRspack } from './detect';

export function canMakeGraphsAhead(compiler: Compiler): boolean {
  return !isRspack(compiler);
}

export function reportSequentialCompilers(compilation: Compilation, unstarted: Compiler[]): void {
  const names = unstarted.map((peer) => `"${compilerName(peer)}"`).join(', ');
  addError(
    compilation,
    `on Rspack, the compilers that share a ServerActionsPlugin must run at the same time, and compiler ` +
      `"${compilerName(compilation.compiler)}" ran before ${names} started. Remove \`dependencies\` between ` +
      `these configs and any \`parallelism\` below their number (webpack can run them in sequence; Rspack ` +
      `cannot make a compiler's module graph ahead of its run).`,
  );
}
