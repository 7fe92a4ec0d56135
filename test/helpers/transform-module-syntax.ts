/**
 * Reading a golden case's input and outputs as syntax trees: what kind of output a run made, and the
 * imports and exports a module has, which the output checks compare against the input.
 */
import { parse, type ParserPlugin } from '@babel/parser';
import { types } from '@babel/core';
import type * as t from '@babel/types';
import type { Case, Run } from './transform-cases';

/**
 * What became of the module: `kept` is the user's code with additions at the end (a "use server" file
 * on the server), `inline` the user's code printed anew with its inline server functions hoisted,
 * `generated` code made from scratch (references and proxies); null when it passed through.
 */
export type OutputKind = 'kept' | 'inline' | 'generated' | null;

export function outputKind({ layer, result }: Run): OutputKind {
  if (result.code === null) return null;
  // A "use server" file whose functions hold inline ones is printed anew, as a server component is.
  if (result.directive === 'use server' && layer === 'server') return result.inlineServerFunctions ? 'inline' : 'kept';
  if (result.directive === undefined) return 'inline';
  return 'generated';
}

function pluginsFor(inputFile: string): ParserPlugin[] {
  if (inputFile.endsWith('.tsx')) return ['typescript', 'jsx'];
  if (inputFile.endsWith('.ts')) return ['typescript'];
  return ['jsx'];
}

function parseModule(code: string, plugins: ParserPlugin[]): t.File {
  return parse(code, { sourceType: 'module', plugins });
}

/** Parses a run's output; throws when it is not valid JavaScript (or, for the user's code, its own syntax). */
export function parseOutput(testCase: Case, run: Run): t.File {
  // Generated modules must be plain JavaScript; the user's own code keeps the syntax of its input.
  const plugins = outputKind(run) === 'generated' ? [] : pluginsFor(testCase.inputFile);
  return parseModule(run.result.code!, plugins);
}

export function parseInput(testCase: Case): t.File {
  return parseModule(testCase.source, pluginsFor(testCase.inputFile));
}

/** The sources of a module's imports and re-exports, in order. */
export function importSources(ast: t.File): string[] {
  return ast.program.body.flatMap((statement) =>
    (statement.type === 'ImportDeclaration' || statement.type === 'ExportNamedDeclaration' ||
      statement.type === 'ExportAllDeclaration') && statement.source
      ? [statement.source.value]
      : [],
  );
}

function specifierNames(statement: t.Statement): string[] {
  return statement.type === 'ExportNamedDeclaration'
    ? statement.specifiers.map((s) => (s.exported.type === 'Identifier' ? s.exported.name : s.exported.value))
    : [];
}

/** The names a module exports through `export { ... }` lists, in order. */
export function exportNames(ast: t.File): string[] {
  return ast.program.body.flatMap(specifierNames);
}

/** Every name a module exports, declarations included. */
export function allExportNames(ast: t.File): string[] {
  return ast.program.body.flatMap((statement) => {
    if (statement.type === 'ExportDefaultDeclaration') return ['default'];
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : null;
    const declared =
      declaration?.type === 'VariableDeclaration'
        ? declaration.declarations.flatMap((d) => Object.keys(types.getBindingIdentifiers(d.id)))
        : declaration && 'id' in declaration && declaration.id?.type === 'Identifier'
          ? [declaration.id.name]
          : [];
    return [...declared, ...specifierNames(statement)];
  });
}

/** The local name under which a module imports `imported` from `source`. */
export function importedLocal(program: t.Program, source: string, imported: string): string | undefined {
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration' || statement.source.value !== source) continue;
    for (const specifier of statement.specifiers) {
      const name = specifier.type === 'ImportSpecifier' ? specifier.imported : null;
      if (name?.type === 'Identifier' && name.name === imported) return specifier.local.name;
    }
  }
  return undefined;
}
