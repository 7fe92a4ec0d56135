/**
 * The checks of a "use server" file's server output, found on its own in the syntax: every export the
 * loader records is registered under its own ID, once, where it is bound; no function is registered
 * twice; and the user's lines stay where they were (the input source map still holds), with generated
 * text only added to them.
 */
import type * as t from '@babel/types';
import { expect } from 'chai';
import type { TransformResult } from '../../loader/transform';
import { REGISTER_EXPORT_MODULE, REGISTER_MODULE } from './transform-cases';
import { importedLocal } from './transform-module-syntax';

const ACTION_ID = /^[0-9a-f]{40}$/;

/** What each export of the module is bound to: a top-level local, or (export default) an expression. */
function exportBindings(program: t.Program): Map<string, { local: string } | { expression: t.Expression }> {
  const bound = new Map<string, { local: string } | { expression: t.Expression }>();
  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration') {
      const { declaration } = statement;
      // `export default interface …` creates nothing at run time.
      if (declaration.type.startsWith('TS')) continue;
      if (declaration.type === 'Identifier') bound.set('default', { local: declaration.name });
      else if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id) {
        bound.set('default', { local: declaration.id.name });
      } else bound.set('default', { expression: declaration as t.Expression });
    }
    if (statement.type !== 'ExportNamedDeclaration' || statement.exportKind === 'type') continue;
    const { declaration } = statement;
    if (declaration?.type === 'VariableDeclaration') {
      for (const d of declaration.declarations) if (d.id.type === 'Identifier') bound.set(d.id.name, { local: d.id.name });
    } else if (declaration?.type === 'FunctionDeclaration' && declaration.id) {
      bound.set(declaration.id.name, { local: declaration.id.name });
    }
    for (const specifier of statement.specifiers) {
      if (specifier.type !== 'ExportSpecifier' || specifier.exportKind === 'type') continue;
      const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
      bound.set(exported, { local: specifier.local.name });
    }
  }
  return bound;
}

function initializerOf(program: t.Program, local: string): t.Expression | null | undefined {
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const d of declaration.declarations) if (d.id.type === 'Identifier' && d.id.name === local) return d.init;
  }
  return undefined;
}

/**
 * The ID a `registerServerExport(value, id, file, exportName)` call registers, checked to name the
 * file and the export; null when the expression is not such a call.
 */
function checkedExportId(expression: t.Node | null | undefined, registerExport: string | undefined, file: string, exportName: string): string | null {
  if (expression?.type !== 'CallExpression' || expression.callee.type !== 'Identifier' || expression.callee.name !== registerExport) return null;
  const [, id, fileArg, nameArg] = expression.arguments;
  expect([id?.type, fileArg?.type, nameArg?.type], `registerServerExport of ${exportName}`).to.deep.equal(['StringLiteral', 'StringLiteral', 'StringLiteral']);
  expect((fileArg as t.StringLiteral).value).to.equal(file);
  expect((nameArg as t.StringLiteral).value).to.equal(exportName);
  return (id as t.StringLiteral).value;
}

/** The local names under which a module imports `imported` from `source` (there may be several). */
function importedLocals(program: t.Program, source: string, imported: string): Set<string> {
  const locals = new Set<string>();
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration' || statement.source.value !== source) continue;
    for (const specifier of statement.specifiers) {
      const name = specifier.type === 'ImportSpecifier' ? specifier.imported : null;
      if (name?.type === 'Identifier' && name.name === imported) locals.add(specifier.local.name);
    }
  }
  return locals;
}

/** `registerServerReference(local, id, null)` statements at the top level: local → ID. */
function registrationStatements(program: t.Program, register: Set<string>): Map<string, string> {
  const registered = new Map<string, string>();
  for (const statement of program.body) {
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'CallExpression') continue;
    const { callee, arguments: args } = statement.expression;
    if (callee.type !== 'Identifier' || !register.has(callee.name)) continue;
    const [fn, id, exportName] = args;
    expect([fn.type, id.type, exportName.type]).to.deep.equal(['Identifier', 'StringLiteral', 'NullLiteral']);
    const local = (fn as t.Identifier).name;
    expect(registered.has(local), `${local} is registered once`).to.equal(false);
    registered.set(local, (id as t.StringLiteral).value);
  }
  return registered;
}

/** Each recorded server function's export registered under its ID, and no other export of the file. */
export function checkRegisteredExports(ast: t.File, result: TransformResult, file: string): void {
  const { program } = ast;
  // Hoisted inline functions import it too, under a name of their own.
  const register = importedLocals(program, REGISTER_MODULE, 'registerServerReference');
  const registerExport = importedLocal(program, REGISTER_EXPORT_MODULE, 'registerServerExport');
  const statements = registrationStatements(program, register);
  const bindings = exportBindings(program);
  const inline = new Set((result.inlineServerFunctions ?? []).map((fn) => fn.exportName));
  const found = new Map<string, string>();
  for (const [exportName, binding] of bindings) {
    if (inline.has(exportName)) continue;
    const id =
      'expression' in binding
        ? checkedExportId(binding.expression, registerExport, file, exportName)
        : (statements.get(binding.local) ?? checkedExportId(initializerOf(program, binding.local), registerExport, file, exportName));
    expect(id, `the registration of export ${exportName}`).to.match(ACTION_ID);
    found.set(exportName, id!);
  }
  const recorded = new Map(result.serverFunctions!.map((fn) => [fn.exportName, fn.id]));
  expect(Object.fromEntries(found)).to.deep.equal(Object.fromEntries(recorded));
}

// What the server transform adds to the user's lines: a registration after a declaration (or the
// prologue), the call that checks a value where it is evaluated, and the export of an alias.
const ADDED = [
  /__registerServerReference\d*\([\w$]+, "[0-9a-f]{40}", null\);/g,
  /__registerServerExport\d*\(\(/g,
  /\), "[0-9a-f]{40}", "[^"]*", "[^"]*"\)/g,
];

/**
 * Every input line stays where it was, with generated text only added to it: an anonymous default
 * export named, an alias exported under its own function.
 */
export function expectLinesKept(source: string, code: string): void {
  const outputLines = code.split('\n');
  source.split('\n').forEach((line, index) => {
    const output = ADDED.reduce((text, added) => text.replace(added, ''), outputLines[index]);
    // A registration after a statement without its `;` brings one.
    if (output === line || output.replaceAll(';', '') === line.replaceAll(';', '')) return;
    expect(output, `line ${index + 1}`).to.match(/\b__serverFunction_\w+\b/);
    expect(line, `line ${index + 1}`).to.match(/^export\b/);
  });
}
