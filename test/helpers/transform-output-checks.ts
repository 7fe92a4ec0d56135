/**
 * The checks of a golden case beyond its golden text: the same record and problems on every layer, source
 * maps kept exactly when the code is, outputs that re-parse and name the recorded functions, and one
 * located problem per `// error` or `// warning` marker of the input.
 */
import { traverse } from '@babel/core';
import type * as t from '@babel/types';
import { expect } from 'chai';
import { ServerActionsBuildError, type LocatedProblem } from '../../loader/located-error';
import {
  CALL_SERVER_MODULE,
  REGISTER_MODULE,
  markedLines,
  metaOf,
  type Case,
  type CaseRuns,
  type Run,
} from './transform-cases';
import { checkInlineOutput } from './transform-inline-checks';
import { checkRegisteredExports, expectLinesKept } from './transform-registration-checks';
import { exportNames, importedLocal, importSources, outputKind, parseInput, parseOutput } from './transform-module-syntax';

/** What a generated module imports, by `<directive>/<layer>`: the runtime only, none of the user's imports. */
const RUNTIME_IMPORTS: Record<string, string[]> = {
  'use server/browser': ['react-server-dom-webpack/client', CALL_SERVER_MODULE],
  'use server/ssr': ['react-server-dom-webpack/client.node'],
  'use client/server': [REGISTER_MODULE],
};

/** The checks of a case beyond its golden files, by title. */
export const CASE_CHECKS: [string, (runs: CaseRuns) => void][] = [
  [
    'learns the same and reports the same problems on every layer (a message may name its layer)',
    ({ runs }) => {
      const problemsOf = ({ layer, result }: Run) =>
        result.problems.map((p) => ({ ...p, message: p.message.replaceAll(`the ${layer} layer`, 'the <layer> layer') }));
      // Inline functions inside a "use server" file's functions exist on the server only: the client
      // layers keep nothing of those functions but proxies.
      const shared = ({ result }: Run) => (result.directive === 'use server' ? { ...metaOf(result), inlineServerFunctions: undefined } : metaOf(result));
      for (const run of runs.slice(1)) {
        expect(shared(run)).to.deep.equal(shared(runs[0]));
        expect(problemsOf(run)).to.deep.equal(problemsOf(runs[0]));
      }
    },
  ],
  [
    'keeps the source map exactly when it keeps the code',
    ({ runs }) => {
      for (const run of runs) {
        const kind = outputKind(run);
        expect(run.result.keepsSourceMap, run.layer).to.equal(kind === null || kind === 'kept');
      }
    },
  ],
  [
    'emits valid JavaScript that names the recorded functions',
    ({ testCase, runs }) => {
      for (const run of runs.filter((r) => r.result.code !== null)) checkOutput(testCase, run);
    },
  ],
  [
    'reports one problem per `// error` marker, each with its file, line, column and code frame',
    ({ testCase, runs }) => {
      expectLocatedProblems(testCase, runs[0].result.problems, 'error');
      for (const run of runs) if (run.result.problems.length > 0) expect(run.result.code, run.layer).to.equal(null);
    },
  ],
  [
    'warns once per `// warning` marker, each with its file, line, column and code frame',
    ({ testCase, runs }) => expectLocatedProblems(testCase, runs[0].result.warnings ?? [], 'warning'),
  ],
];

function expectLocatedProblems(testCase: Case, problems: LocatedProblem[], marker: 'error' | 'warning'): void {
  const lines = problems.map((p) => p.loc.line).sort((a, b) => a - b);
  expect(lines, `lines with ${marker}s`).to.deep.equal(markedLines(testCase.source, marker));
  for (const problem of problems) {
    const { message } = new ServerActionsBuildError(problem, testCase.source, testCase.relativePath);
    const { line, column } = problem.loc;
    const prefix = `${testCase.relativePath}:${line}:${column + 1}: `;
    expect(message.slice(0, prefix.length)).to.equal(prefix);
    expect(message).to.match(new RegExp(`^> +${line} \\|`, 'm'));
  }
}

function checkOutput(testCase: Case, run: Run): void {
  const ast = parseOutput(testCase, run);
  const kind = outputKind(run);
  if (kind === 'generated') checkGeneratedOutput(testCase, run, ast);
  if (kind === 'inline') checkInlineOutput(testCase, run.result, ast);
  // A "use server" file on the server: each export registered; the user's lines in place, unless inline
  // functions were hoisted.
  if (run.result.directive === 'use server' && run.layer === 'server') checkRegisteredExports(ast, run.result, testCase.relativePath);
  if (kind === 'kept') expectLinesKept(testCase.source, run.result.code!);
}

/** References and proxies: the runtime imports only, and one export per recorded function or client export. */
function checkGeneratedOutput(testCase: Case, { layer, result }: Run, ast: t.File): void {
  expect(importSources(ast), layer).to.deep.equal(RUNTIME_IMPORTS[`${result.directive}/${layer}`]);
  const input = parseInput(testCase);
  for (const specifier of importSources(input)) {
    expect(result.code, layer).not.to.include(JSON.stringify(specifier));
  }
  const names =
    result.directive === 'use server' ? result.serverFunctions!.map((f) => f.exportName) : result.clientExports;
  expect(exportNames(ast), layer).to.deep.equal(names);
}

