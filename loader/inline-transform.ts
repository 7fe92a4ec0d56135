/**
 * Runs the inline "use server" passes over a parsed module: `scanInlineDirectives` only reads (client
 * layers, file-directive modules), with Babel's walk; `hoistInlineServerFunctions` rewrites the module
 * and prints it with a source map that goes back through the input map to the original file. It walks
 * the plain nodes once (inline-plain-scan.ts, hoist-on-nodes.ts), and Babel's paths and scopes only for
 * a module that walk leaves to them (a problem to report, a shape it does not model).
 */
import type { GeneratorOptions } from '@babel/generator';
import type { NodePath, PluginObj } from '@babel/core';
import { getBindingIdentifiers, type File, type Program } from '@babel/types';
import type { InlineServerFunctionRecord } from '../shared/module-record';
import { findInlineDirectives, type InlineDirectiveFindings } from './inline-directives';
import { hoistServerFunctions, type HoistOptions } from './hoist-server-functions';
import { canHoistOnNodes, hoistOnNodes, isNestedSite } from './hoist-on-nodes';
import { scanOnPlainNodes } from './inline-plain-scan';
import type { DirectiveTypos } from './options';

// @babel/core (with the walk it loads) and the printer are loaded when a module first needs them: most
// modules never reach them, and each costs memory for as long as the build's process lives.
let babelCore: typeof import('@babel/core') | undefined;
let babelGenerator: typeof import('@babel/generator') | undefined;
const core = (): typeof import('@babel/core') => (babelCore ??= require('@babel/core'));
const generate: typeof import('@babel/generator').default = (...args) => (babelGenerator ??= require('@babel/generator')).default(...args);

export function scanInlineDirectives(ast: File, typos: DirectiveTypos): InlineDirectiveFindings {
  let findings: InlineDirectiveFindings | undefined;
  try {
    core().traverse(ast, {
      Program(program) {
        findings = findInlineDirectives(program, typos);
        program.stop();
      },
    });
  } catch (error) {
    throw locateDuplicateDeclaration(error, ast);
  }
  // The paths are only good for reading: a transform builds its own (see below).
  core().traverse.cache.clear();
  return findings!;
}

/**
 * Babel's scope tracker throws, without a location, for a name declared twice that the parser let
 * through (its TypeScript plugin allows an import and a local declaration of one name). The error gets
 * the location of the second top-level declaration, so that the loader reports it as a build error.
 */
function locateDuplicateDeclaration(error: unknown, ast: File): unknown {
  const name = error instanceof TypeError ? /^Duplicate declaration "(.*)"$/.exec(error.message)?.[1] : undefined;
  if (!(error instanceof TypeError) || name === undefined) return error;
  const declared = ast.program.body.flatMap((statement) => getBindingIdentifiers(statement, true)[name] ?? []);
  const loc = (declared[1] ?? declared[0])?.loc?.start ?? { line: 1, column: 0 };
  return Object.assign(error, { loc: { line: loc.line, column: loc.column } });
}

export interface HoistResult {
  code: string;
  map: object | null;
  inlineServerFunctions: InlineServerFunctionRecord[];
  /** What the walk found wrong: the functions are hoisted only when it found no problem. */
  findings: Pick<InlineDirectiveFindings, 'problems' | 'warnings'>;
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
 * Finds the inline server functions and, unless the walk found problems, hoists them: one walk over
 * the plain nodes where it can (`hoistWithoutPaths`), else one Babel walk, where `scanInlineDirectives`
 * then this would make two. Its caller discards the code of a module
 * with problems or without functions. The walk must not be able to throw (see inline-precheck.ts):
 * Babel's scope tracker words its errors differently when it runs inside @babel/core.
 *
 * The walk and the printer are called directly: @babel/core's `transformFromAstSync` would load a
 * config, build a `File` (two passes over every comment, looking for a source map) and a second set
 * of paths for each call, which cost more than the hoisting itself (docs/benchmarks.md, Transforms).
 * The printer gets the options @babel/core would give it, so the code and map are the same.
 */
export function hoistInlineServerFunctions(ast: File, source: string, options: HoistTransformOptions): HoistResult {
  // @babel/core reads a source map named by a comment in the code, and removes the comment: code that
  // carries one (rare in a server component) goes through it, so that its output stays the same.
  if (!(options.sourceMaps && options.inputSourceMap) && source.includes('sourceMappingURL')) return hoistThroughBabelCore(ast, source, options);
  let result = hoistWithoutPaths(ast, source, options);
  if (!result) {
    core().traverse(ast, {
      Program(program: NodePath<Program>) {
        result = findAndHoist(program, options);
        program.stop();
      },
    });
    core().traverse.cache.clear();
  }
  const printerOptions: GeneratorOptions & { inputSourceMap?: object } = {
    filename: options.resourcePath,
    comments: true,
    compact: 'auto',
    sourceMaps: options.sourceMaps,
    sourceFileName: options.resourcePath,
    // The printer maps through the input map itself, as @babel/core lets it (its types omit the option).
    inputSourceMap: (options.sourceMaps && options.inputSourceMap) || undefined,
  };
  const printed = generate(ast, printerOptions, source);
  const map = options.sourceMaps && printed.map ? ({ ...printed.map } as object) : null;
  return { code: printed.code, map, ...result! };
}

/**
 * The same findings and hoisting from one walk over the plain nodes (inline-plain-scan.ts,
 * hoist-on-nodes.ts), or null when the module holds something that only Babel's walk models.
 */
export function hoistWithoutPaths(ast: File, source: string, options: HoistTransformOptions): Omit<HoistResult, 'code' | 'map'> | null {
  const scan = scanOnPlainNodes(ast.program);
  if (!scan) return null;
  const functions = options.nestedOnly ? scan.functions.filter(isNestedSite) : scan.functions;
  if (!canHoistOnNodes(source, functions)) return null;
  const inlineServerFunctions = functions.length > 0 ? hoistOnNodes(ast.program, scan, functions, options) : [];
  return { findings: { problems: [], warnings: [] }, inlineServerFunctions };
}

export function findAndHoist(program: NodePath<Program>, options: HoistTransformOptions): Omit<HoistResult, 'code' | 'map'> {
  const findings = findInlineDirectives(program, options.directiveTypos);
  if (options.nestedOnly) findings.functions = findings.functions.filter(isNested);
  const hoists = findings.problems.length === 0 && findings.functions.length > 0;
  return { findings, inlineServerFunctions: hoists ? hoistServerFunctions(program, findings.functions, options) : [] };
}

/** The same hoisting, run as a plugin of @babel/core (see above for when). */
function hoistThroughBabelCore(ast: File, source: string, options: HoistTransformOptions): HoistResult {
  let result: Omit<HoistResult, 'code' | 'map'> | undefined;
  const plugin = (): PluginObj => ({
    visitor: {
      Program(program: NodePath<Program>) {
        result = findAndHoist(program, options);
        program.stop();
      },
    },
  });
  const output = core().transformFromAstSync(ast, source, {
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
  return { code: output!.code!, map: (output!.map as object | null | undefined) ?? null, ...result! };
}

/** Whether a function with "use server" sits inside another function (not at a module's top level). */
export function isNested(path: NodePath): boolean {
  return path.parentPath?.getFunctionParent() != null;
}
