/**
 * Runs the inline "use server" passes over a parsed module with Babel: `scanInlineDirectives` only
 * reads (client layers, file-directive modules), `hoistInlineServerFunctions` rewrites the module and
 * prints it with a source map that goes back through the input map to the original file.
 */
import { transformFromAstSync, traverse, types, type NodePath, type PluginObj } from '@babel/core';
import type * as t from '@babel/types';
import type { InlineServerFunctionRecord } from '../shared/module-record';
import { findInlineDirectives, type InlineDirectiveFindings } from './inline-directives';
import { hoistServerFunctions, type HoistOptions } from './hoist-server-functions';
import type { DirectiveTypos } from './options';

export function scanInlineDirectives(ast: t.File, typos: DirectiveTypos): InlineDirectiveFindings {
  let findings: InlineDirectiveFindings | undefined;
  try {
    traverse(ast, {
      Program(program) {
        findings = findInlineDirectives(program, typos);
        program.stop();
      },
    });
  } catch (error) {
    throw locateDuplicateDeclaration(error, ast);
  }
  // The paths are only good for reading: a transform builds its own (see below).
  traverse.cache.clear();
  return findings!;
}

/**
 * Babel's scope tracker throws, without a location, for a name declared twice that the parser let
 * through (its TypeScript plugin allows an import and a local declaration of one name). The error gets
 * the location of the second top-level declaration, so that the loader reports it as a build error.
 */
function locateDuplicateDeclaration(error: unknown, ast: t.File): unknown {
  const name = error instanceof TypeError ? /^Duplicate declaration "(.*)"$/.exec(error.message)?.[1] : undefined;
  if (!(error instanceof TypeError) || name === undefined) return error;
  const declared = ast.program.body.flatMap((statement) => types.getBindingIdentifiers(statement, true)[name] ?? []);
  const loc = (declared[1] ?? declared[0])?.loc?.start ?? { line: 1, column: 0 };
  return Object.assign(error, { loc: { line: loc.line, column: loc.column } });
}

export interface HoistResult {
  code: string;
  map: object | null;
  inlineServerFunctions: InlineServerFunctionRecord[];
  /** What the walk found: the functions are hoisted only when it found no problem. */
  findings: InlineDirectiveFindings;
}

export interface HoistTransformOptions extends HoistOptions {
  resourcePath: string;
  sourceMaps: boolean;
  inputSourceMap?: object | null;
  /** Whether a slip for a directive ("use sever") is a problem, which stops the hoisting, or a warning. */
  directiveTypos: DirectiveTypos;
  /**
   * Only functions inside other functions: in a "use server" file, a top-level function is one of the
   * file's exports, registered as such, however many directives it carries.
   */
  nestedOnly?: boolean;
}

/**
 * Finds the inline server functions and, unless the walk found problems, hoists them: one Babel walk,
 * where `scanInlineDirectives` then this would make two. Its caller discards the code of a module
 * with problems or without functions. The walk must not be able to throw (see inline-precheck.ts):
 * @babel/core words the errors of its own scope tracker differently.
 */
export function hoistInlineServerFunctions(ast: t.File, source: string, options: HoistTransformOptions): HoistResult {
  let records: InlineServerFunctionRecord[] = [];
  let findings: InlineDirectiveFindings | undefined;
  const plugin = (): PluginObj => ({
    visitor: {
      Program(program: NodePath<t.Program>) {
        findings = findInlineDirectives(program, options.directiveTypos);
        if (options.nestedOnly) findings.functions = findings.functions.filter(isNested);
        if (findings.problems.length === 0 && findings.functions.length > 0) {
          records = hoistServerFunctions(program, findings.functions, options);
        }
        program.stop();
      },
    },
  });
  const result = transformFromAstSync(ast, source, {
    configFile: false,
    babelrc: false,
    browserslistConfigFile: false,
    filename: options.resourcePath,
    sourceFileName: options.resourcePath,
    sourceMaps: options.sourceMaps,
    inputSourceMap: ((options.sourceMaps && options.inputSourceMap) || undefined) as never,
    cloneInputAst: false,
    code: true,
    ast: false,
    plugins: [plugin],
  });
  return { code: result!.code!, map: (result!.map as object | null | undefined) ?? null, inlineServerFunctions: records, findings: findings! };
}

/** Whether a function with "use server" sits inside another function (not at a module's top level). */
export function isNested(path: NodePath): boolean {
  return path.parentPath?.getFunctionParent() != null;
}
