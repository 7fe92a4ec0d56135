/**
 * Build errors that point at the source: file, line, column, a code frame, what is wrong and how to
 * fix it. The internal stack is hidden because it says nothing about the user's code.
 */

export interface SourceLocation {
  line: number;
  /** 0-based, as Babel reports it. */
  column: number;
}

export interface LocatedProblem {
  message: string;
  fix: string;
  loc: SourceLocation;
}

export class ServerActionsBuildError extends Error {
  readonly hideStack = true;
  readonly loc: SourceLocation;

  constructor(problem: LocatedProblem, source: string, relativePath: string) {
    const { line, column } = problem.loc;
    // Loaded with the first error (it brings a syntax highlighter along): a build without one never pays for it.
    const { codeFrameColumns } = require('@babel/code-frame') as typeof import('@babel/code-frame');
    const frame = codeFrameColumns(source, { start: { line, column: column + 1 } }, { highlightCode: false });
    super(`${relativePath}:${line}:${column + 1}: ${problem.message}\n${problem.fix}\n\n${frame}`);
    this.name = 'ServerActionsBuildError';
    this.loc = problem.loc;
    // webpack prints a stack as the error's details, under the message, which already says everything:
    // an error without one is printed once.
    this.stack = '';
  }
}
