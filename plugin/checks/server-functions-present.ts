/**
 * The server build must contain every server function that a client can call. After the graphs are
 * settled this holds unless the server compiler builds a file differently (no loader rule for it, or a
 * different file under the same path): each such function is a build error in the server compilation.
 */
import type { Compilation } from 'webpack';
import { addError } from '../build-problems';
import type { CompilationSnapshot } from '../coordination/compilation-snapshot';

export function checkServerFunctionsPresent(
  compilation: Compilation,
  self: CompilationSnapshot,
  all: CompilationSnapshot[],
): void {
  if (!self.layers.has('server')) return;
  const provided = new Set<string>();
  for (const record of self.serverFunctionModules.values()) {
    for (const fn of record.serverFunctions ?? []) provided.add(fn.id);
  }
  const problems: string[] = [];
  for (const snapshot of all) {
    for (const record of snapshot.serverFunctionReferences.values()) {
      for (const fn of record.serverFunctions ?? []) {
        if (provided.has(fn.id)) continue;
        problems.push(`  - \`${fn.exportName}\` of ${record.relativePath} (used by compiler "${snapshot.compilerName}")`);
      }
    }
  }
  if (problems.length === 0) return;
  addError(
    compilation,
    `the server build lacks server functions that clients call:\n` +
      `${[...new Set(problems)].sort().join('\n')}\n` +
      'Make sure the loader rule with `layer: "server"` matches these files in the server compiler, ' +
      'and that the server compiler resolves them to the same files as the client compilers.',
  );
}
