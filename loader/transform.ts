/**
 * The loader's pure core: source in, code and what was learned out. No webpack here, so that every
 * case can be tested without a compiler.
 *
 * | module                   | server layer                     | SSR and browser layers          |
 * |--------------------------|----------------------------------|---------------------------------|
 * | "use server" file        | code kept, functions registered  | one server reference per export |
 * | "use client" file        | client references                | unchanged                       |
 * | inline "use server"      | functions hoisted and registered | build error (but in a "use      |
 * |                          |                                  | server" file: dropped with it)  |
 * | anything else            | unchanged, not parsed            | unchanged, not parsed           |
 */
import type { File } from '@babel/types';
import { clientReferenceId, serverFunctionId } from '../shared/ids';
import type { Directive, InlineServerFunctionRecord, Layer, ServerFunctionRecord } from '../shared/module-record';
import { analyseClientExports, clientReferences } from './client-references';
import { mayNeedTransform } from './directive-scan';
import { useServerDirectiveLoc, type InlineDirectiveFindings } from './inline-directives';
import { inlineScanOutlook } from './inline-precheck';
import { hoistInlineServerFunctions, isNested, scanInlineDirectives } from './inline-transform';
import type { LocatedProblem } from './located-error';
import type { DirectiveTypos } from './options';
import { parseModule, parsesAsTypeScript } from './parse';
import { registerServerFunctions } from './register-server-functions';
import { serverFunctionProxies } from './server-function-proxies';
import { analyseServerExports } from './server-exports';

export interface TransformOptions {
  resourcePath: string;
  /** Path relative to the plugin's root, POSIX separators: the input of every ID. */
  relativePath: string;
  layer: Layer;
  salt: string;
  /** The module the browser proxies import `callServer` from. */
  callServerModule: string;
  /** Whether to make a source map when the code is printed anew (inline server functions). */
  sourceMaps?: boolean;
  /** The map of the code as it came in, which a printed source map goes back through. */
  inputSourceMap?: object | null;
  /** How a slip for a directive ("use sever") is reported: a problem unless this says 'warning'. */
  directiveTypos?: DirectiveTypos;
}

export interface TransformResult {
  /** Null when the module is passed through untouched. */
  code: string | null;
  /** False when the original line and column positions no longer hold (generated code). */
  keepsSourceMap: boolean;
  /** The map of printed code (already through the input map), when one was asked for. */
  map?: object | null;
  directive?: Directive;
  serverFunctions?: ServerFunctionRecord[];
  inlineServerFunctions?: InlineServerFunctionRecord[];
  clientReferenceId?: string;
  clientExports?: string[];
  problems: LocatedProblem[];
  /** Things that build but are probably not what was meant: a misspelled directive, if `directiveTypos` says so. */
  warnings?: LocatedProblem[];
}

const UNCHANGED: TransformResult = { code: null, keepsSourceMap: true, problems: [] };

export function readDirective(ast: File): { directive?: Directive; problems: LocatedProblem[] } {
  const found = ast.program.directives.filter(
    (d) => d.value.value === 'use server' || d.value.value === 'use client',
  );
  const kinds = new Set(found.map((d) => d.value.value as Directive));
  if (kinds.size > 1) {
    const second = found.find((d) => d.value.value !== found[0].value.value)!;
    return {
      problems: [
        {
          message: 'A file cannot be both "use server" and "use client".',
          fix: 'Keep server functions and client components in separate files: one directive per file.',
          loc: { line: second.loc?.start.line ?? 1, column: second.loc?.start.column ?? 0 },
        },
      ],
    };
  }
  return { directive: found[0]?.value.value as Directive | undefined, problems: [] };
}

export function transformModule(source: string, options: TransformOptions): TransformResult {
  if (!mayNeedTransform(source)) return UNCHANGED;
  const ast = parseModule(source, options.resourcePath);
  const { directive, problems } = readDirective(ast);
  if (problems.length > 0) return { ...UNCHANGED, problems };
  // Babel's walk costs several parses: it is skipped where it is sure to find nothing, as in most "use
  // client" and "use server" files (see inline-precheck.ts). A "use client" file has no functions to
  // hoist, so there the walk is not run for its scope tracker's sake.
  const outlook = inlineScanOutlook(ast, parsesAsTypeScript(options.resourcePath));
  const needsScan = outlook.mayFind || (outlook.mayThrow && directive !== 'use client');
  // A server component's functions are then found by the walk that hoists them, where it cannot throw.
  if (!directive && options.layer === 'server' && needsScan && !outlook.mayThrow) return transformInlineFunctions(ast, source, options);
  const inline = needsScan ? scanInlineDirectives(ast, typosOf(options)) : { functions: [], problems: [], warnings: [] };
  const warnings = inline.warnings.length > 0 ? { warnings: inline.warnings } : {};
  const inlineProblems = [...inline.problems, ...misplacedInlineFunctions(inline, directive, options.layer)];
  if (inlineProblems.length > 0) return { ...UNCHANGED, ...(directive ? { directive } : {}), problems: inlineProblems, ...warnings };
  if (directive === 'use server') return { ...transformServerModule(source, ast, options, inline.functions.some(isNested)), ...warnings };
  if (directive === 'use client') return { ...transformClientModule(ast, options), ...warnings };
  if (inline.functions.length === 0) return { ...UNCHANGED, ...warnings };
  return transformInlineFunctions(ast, source, options);
}

// A slip for "use server" ships a file's server code to the browser: only a project's explicit choice
// makes it a warning.
function typosOf(options: TransformOptions): DirectiveTypos {
  return options.directiveTypos === 'warning' ? 'warning' : 'error';
}

/** Server layer: the inline server functions hoisted, or the problems found. */
function transformInlineFunctions(ast: File, source: string, options: TransformOptions, only: { nestedOnly?: boolean } = {}): TransformResult {
  const hoisted = hoistInlineServerFunctions(ast, source, {
    ...only,
    resourcePath: options.resourcePath,
    relativePath: options.relativePath,
    salt: options.salt,
    sourceMaps: options.sourceMaps ?? false,
    inputSourceMap: options.inputSourceMap,
    directiveTypos: typosOf(options),
  });
  const { problems, warnings } = hoisted.findings;
  const warned = warnings.length > 0 ? { warnings } : {};
  if (problems.length > 0) return { ...UNCHANGED, problems, ...warned };
  const { code, map, inlineServerFunctions } = hoisted;
  if (inlineServerFunctions.length === 0) return { ...UNCHANGED, ...warned };
  return { code, keepsSourceMap: false, map, inlineServerFunctions, problems: [], ...warned };
}

/**
 * Inline server functions where none can be: in client code. In a "use server" file they are fine in
 * every layer: the server layer hoists those inside its functions, the client layers keep only proxies.
 */
function misplacedInlineFunctions(inline: InlineDirectiveFindings, directive: Directive | undefined, layer: Layer): LocatedProblem[] {
  if (directive === 'use server') return [];
  if (directive !== 'use client' && layer === 'server') return [];
  const where = directive === 'use client' ? 'a "use client" file' : `a module compiled for the ${layer} layer`;
  return inline.functions.map((path) => ({
    message: `A "use server" function cannot be defined in ${where}: client code can only call server functions, not define them.`,
    fix: 'Move it to a "use server" file and import it from there, or define it in a server component and pass it down as a prop.',
    loc: useServerDirectiveLoc(path),
  }));
}

/**
 * A "use server" file: its exports registered (server layer) or proxied (client layers). In the server
 * layer, functions with their own "use server" inside its functions are hoisted first, as in a server
 * component; the file's exports are then registered in the printed code, whose lines the hoisting's
 * source map describes.
 */
function transformServerModule(source: string, ast: File, options: TransformOptions, hasNestedFunctions: boolean): TransformResult {
  const analysis = analyseServerExports(ast.program);
  const serverFunctions = analysis.exports.map(({ exportName }) => ({
    exportName,
    id: serverFunctionId(options.relativePath, exportName, options.salt),
  }));
  const base = { directive: 'use server' as const, serverFunctions, problems: analysis.problems };
  if (analysis.problems.length > 0) return { ...base, code: null, keepsSourceMap: true };
  if (options.layer !== 'server') {
    const code = serverFunctionProxies(options.layer, serverFunctions, options.callServerModule);
    return { ...base, code, keepsSourceMap: false };
  }
  const register = { relativePath: options.relativePath, idOf: (name: string) => serverFunctions.find((f) => f.exportName === name)!.id };
  if (!hasNestedFunctions) {
    return { ...base, code: registerServerFunctions(source, ast.program, analysis.exports, analysis.bindings, register), keepsSourceMap: true };
  }
  const hoisted = transformInlineFunctions(ast, source, options, { nestedOnly: true });
  if (hoisted.problems.length > 0 || hoisted.code === null) return { ...hoisted, ...base, problems: hoisted.problems };
  const printed = parseModule(hoisted.code, options.resourcePath);
  const skip = new Set(hoisted.inlineServerFunctions!.map((fn) => fn.exportName));
  const again = analyseServerExports(printed.program, { skip });
  const code = registerServerFunctions(hoisted.code, printed.program, again.exports, again.bindings, register);
  return { ...hoisted, ...base, code };
}

function transformClientModule(ast: File, options: TransformOptions): TransformResult {
  const { exportNames, problems } = analyseClientExports(ast.program);
  const id = clientReferenceId(options.relativePath, options.salt);
  const base = { directive: 'use client' as const, clientReferenceId: id, clientExports: exportNames, problems };
  if (options.layer !== 'server' || problems.length > 0) return { ...base, code: null, keepsSourceMap: true };
  return { ...base, code: clientReferences(exportNames, id, options.relativePath), keepsSourceMap: false };
}
