/**
 * The loader's pure core: source in, code and what was learned out. No webpack here, so that every
 * case can be tested without a compiler.
 *
 * | module            | server layer                   | SSR and browser layers            |
 * |-------------------|--------------------------------|-----------------------------------|
 * | "use server" file | code kept, functions registered | one server reference per export  |
 * | "use client" file | client references              | unchanged                         |
 * | anything else     | unchanged, not parsed          | unchanged, not parsed             |
 */
import type { File } from '@babel/types';
import { clientReferenceId, serverFunctionId } from '../shared/ids';
import type { Directive, Layer, ServerFunctionRecord } from '../shared/module-record';
import { analyseClientExports, clientReferences } from './client-references';
import { mayHaveDirective } from './directive-scan';
import type { LocatedProblem } from './located-error';
import { parseModule } from './parse';
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
}

export interface TransformResult {
  /** Null when the module is passed through untouched. */
  code: string | null;
  /** False when the original line and column positions no longer hold (generated code). */
  keepsSourceMap: boolean;
  directive?: Directive;
  serverFunctions?: ServerFunctionRecord[];
  clientReferenceId?: string;
  clientExports?: string[];
  problems: LocatedProblem[];
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
  if (!mayHaveDirective(source)) return UNCHANGED;
  const ast = parseModule(source, options.resourcePath);
  const { directive, problems } = readDirective(ast);
  if (problems.length > 0) return { ...UNCHANGED, problems };
  if (directive === 'use server') return transformServerModule(source, ast, options);
  if (directive === 'use client') return transformClientModule(ast, options);
  return UNCHANGED;
}

function transformServerModule(source: string, ast: File, options: TransformOptions): TransformResult {
  const analysis = analyseServerExports(ast.program);
  const serverFunctions = analysis.exports.map(({ exportName }) => ({
    exportName,
    id: serverFunctionId(options.relativePath, exportName, options.salt),
  }));
  const base = { directive: 'use server' as const, serverFunctions, problems: analysis.problems };
  if (analysis.problems.length > 0) return { ...base, code: null, keepsSourceMap: true };
  const idOf = (exportName: string) => serverFunctions.find((f) => f.exportName === exportName)!.id;
  if (options.layer === 'server') {
    const code = registerServerFunctions(source, analysis.exports, analysis.bindings, idOf);
    return { ...base, code, keepsSourceMap: true };
  }
  return {
    ...base,
    code: serverFunctionProxies(options.layer, serverFunctions, options.callServerModule),
    keepsSourceMap: false,
  };
}

function transformClientModule(ast: File, options: TransformOptions): TransformResult {
  const { exportNames, problems } = analyseClientExports(ast.program);
  const id = clientReferenceId(options.relativePath, options.salt);
  const base = { directive: 'use client' as const, clientReferenceId: id, clientExports: exportNames, problems };
  if (options.layer !== 'server' || problems.length > 0) return { ...base, code: null, keepsSourceMap: true };
  return { ...base, code: clientReferences(exportNames, id, options.relativePath), keepsSourceMap: false };
}
