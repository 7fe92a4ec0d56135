/**
 * Runs the inline "use server" passes over a parsed module with Babel: `scanInlineDirectives` only
 * reads (client layers, file-directive modules), `hoistInlineServerFunctions` rewrites the module and
 * prints it with a source map that goes back through the input map to the original file.
 */
import { transformFromAstSync, traverse, type NodePath, type PluginObj } from '@babel/core';
import type * as t from '@babel/types';
import type { InlineServerFunctionRecord } from '../shared/module-record';
import { findInlineDirectives, type InlineDirectiveFindings } from './inline-directives';
import { hoistServerFunctions, type HoistOptions } from './hoist-server-functions';

export function scanInlineDirectives(ast: t.File): InlineDirectiveFindings {
  let findings: InlineDirectiveFindings | undefined;
  traverse(ast, {
    Program(program) {
      findings = findInlineDirectives(program);
      program.stop();
    },
  });
  // The paths are only good for reading: a transform builds its own (see below).
  traverse.cache.clear();
  return findings!;
}

export interface HoistResult {
  code: string;
  map: object | null;
  inlineServerFunctions: InlineServerFunctionRecord[];
}

export interface HoistTransformOptions extends HoistOptions {
  resourcePath: string;
  sourceMaps: boolean;
  inputSourceMap?: object | null;
}

export function hoistInlineServerFunctions(ast: t.File, source: string, options: HoistTransformOptions): HoistResult {
  let records: InlineServerFunctionRecord[] = [];
  const plugin = (): PluginObj => ({
    visitor: {
      Program(program: NodePath<t.Program>) {
        records = hoistServerFunctions(program, findInlineDirectives(program).functions, options);
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
  return { code: result!.code!, map: (result!.map as object | null | undefined) ?? null, inlineServerFunctions: records };
}
