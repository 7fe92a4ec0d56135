/**
 * The exports of a "use server" module, checked against what React can expose as server functions.
 *
 * Allowed, each an async function:
 *   export async function f() {}            export const f = async () => {}
 *   export const g = async function () {}    export { a, b as c }   (local async functions)
 *   export default async function () {}     export default a       (a local async function)
 *   export default async () => {}
 * Everything else that creates a runtime export is a problem with a location and a fix. Type-only
 * exports (TypeScript) create nothing at runtime and are ignored.
 */
import type * as t from '@babel/types';
import type { LocatedProblem } from './located-error';
import { collectTopLevelBindings, exportedName, isAsyncFunctionExpression, type Binding } from './top-level-bindings';

export interface ServerExport {
  exportName: string;
  /** The local binding that holds the function; null for an anonymous default export. */
  localName: string | null;
  /** For an anonymous default export: the node the server transform must name. */
  anonymousDefault?: t.FunctionDeclaration | t.ArrowFunctionExpression | t.FunctionExpression;
  /** The export statement, for locations. */
  node: t.Node;
}

export interface ServerExportsAnalysis {
  exports: ServerExport[];
  bindings: Map<string, Binding>;
  problems: LocatedProblem[];
}

const KEEP_ONLY_ASYNC =
  'A "use server" file may only export async functions: each export becomes a server function that clients can call.';

function locOf(node: t.Node): { line: number; column: number } {
  return { line: node.loc?.start.line ?? 1, column: node.loc?.start.column ?? 0 };
}

function describeBinding(binding: Binding | undefined, name: string): string | null {
  switch (binding?.kind) {
    case 'async-function':
    case 'const-async-function':
      return null;
    case 'function':
      return `\`${name}\` is not an async function.`;
    case 'generator':
      return `\`${name}\` is a generator; server functions must be async functions that return a promise.`;
    case 'mutable-async-function':
      return `\`${name}\` is declared with let or var; the function it holds could be replaced after registration.`;
    case 'class':
      return `\`${name}\` is a class.`;
    case 'import':
      return `\`${name}\` is imported from another module.`;
    case 'value':
      return `\`${name}\` is not an async function.`;
    default:
      return `\`${name}\` is not declared at the top level of this module.`;
  }
}

const FIX_LOCAL =
  'Make it an async function declared in this file (`async function name() {}` or `const name = async () => {}`), or move it to a module without "use server".';

export function analyseServerExports(program: t.Program): ServerExportsAnalysis {
  const bindings = collectTopLevelBindings(program);
  const exports: ServerExport[] = [];
  const problems: LocatedProblem[] = [];
  const report = (node: t.Node, message: string, fix: string) =>
    problems.push({ message: `${KEEP_ONLY_ASYNC} ${message}`, fix, loc: locOf(node) });

  const exportLocal = (node: t.Node, exportName: string, localName: string) => {
    const problem = describeBinding(bindings.get(localName), localName);
    if (problem) {
      const fix =
        bindings.get(localName)?.kind === 'import'
          ? 'Re-exporting does not make a server function. Export it from its own "use server" file, or wrap it: `export async function name(...args) { return imported(...args) }`.'
          : FIX_LOCAL;
      report(node, `Export \`${exportName}\`: ${problem}`, fix);
      return;
    }
    exports.push({ exportName, localName, node });
  };

  for (const statement of program.body) {
    switch (statement.type) {
      case 'ExportAllDeclaration':
        if (statement.exportKind === 'type') break;
        report(
          statement,
          '`export *` re-exports another module, whose exports are not checked or registered here.',
          'Import the functions you need and export async functions declared in this file.',
        );
        break;
      case 'ExportNamedDeclaration':
        collectNamedExport(statement);
        break;
      case 'ExportDefaultDeclaration':
        collectDefaultExport(statement);
        break;
      default:
    }
  }

  function collectNamedExport(statement: t.ExportNamedDeclaration): void {
    if (statement.exportKind === 'type') return;
    if (statement.source) {
      report(
        statement,
        `\`export { … } from ${JSON.stringify(statement.source.value)}\` re-exports another module.`,
        'Re-exporting does not make a server function. Export async functions declared in this file instead.',
      );
      return;
    }
    const declaration = statement.declaration;
    if (declaration) {
      collectDeclaration(statement, declaration);
      return;
    }
    for (const specifier of statement.specifiers) {
      if (specifier.type !== 'ExportSpecifier' || specifier.exportKind === 'type') continue;
      exportLocal(specifier, exportedName(specifier.exported), specifier.local.name);
    }
  }

  function collectDeclaration(statement: t.ExportNamedDeclaration, declaration: t.Declaration): void {
    switch (declaration.type) {
      case 'FunctionDeclaration':
      case 'VariableDeclaration':
      case 'ClassDeclaration': {
        const names =
          declaration.type === 'VariableDeclaration'
            ? declaration.declarations.flatMap((d) => (d.id.type === 'Identifier' ? [d.id.name] : []))
            : [declaration.id!.name];
        if (declaration.type === 'VariableDeclaration' && names.length < declaration.declarations.length) {
          report(statement, 'A destructuring export cannot be checked to hold async functions.', FIX_LOCAL);
        }
        for (const name of names) exportLocal(statement, name, name);
        return;
      }
      case 'TSTypeAliasDeclaration':
      case 'TSInterfaceDeclaration':
      case 'TSDeclareFunction':
        return;
      default:
        if ('declare' in declaration && declaration.declare) return;
        report(statement, `An exported ${declaration.type} is not an async function.`, FIX_LOCAL);
    }
  }

  function collectDefaultExport(statement: t.ExportDefaultDeclaration): void {
    const declaration = statement.declaration;
    if (declaration.type === 'Identifier') {
      exportLocal(statement, 'default', declaration.name);
      return;
    }
    if (declaration.type === 'FunctionDeclaration' && declaration.async && !declaration.generator) {
      if (declaration.id) exports.push({ exportName: 'default', localName: declaration.id.name, node: statement });
      else exports.push({ exportName: 'default', localName: null, anonymousDefault: declaration, node: statement });
      return;
    }
    if (isAsyncFunctionExpression(declaration)) {
      exports.push({ exportName: 'default', localName: null, anonymousDefault: declaration, node: statement });
      return;
    }
    // Type-only default exports (`export default interface`) create nothing at run time.
    if (declaration.type === 'TSDeclareFunction' || (declaration as t.Node).type === 'TSInterfaceDeclaration') return;
    const what =
      declaration.type === 'FunctionDeclaration'
        ? 'is not an async function'
        : declaration.type === 'ClassDeclaration'
          ? 'is a class'
          : 'is not an async function';
    report(statement, `The default export ${what}.`, FIX_LOCAL);
  }

  const seen = new Map<string, ServerExport>();
  const exportNames = new Set<string>();
  for (const entry of exports) {
    const previous = entry.localName === null ? undefined : seen.get(entry.localName);
    // Babel's TypeScript parser allows two exports of one name (overloads are declared that way).
    if (exportNames.has(entry.exportName)) {
      problems.push({
        message: `Two exports are named \`${entry.exportName}\`.`,
        fix: 'Give each server function its own export name.',
        loc: locOf(entry.node),
      });
    } else if (previous) {
      problems.push({
        message: `\`${entry.localName}\` is exported twice (as \`${previous.exportName}\` and \`${entry.exportName}\`).`,
        fix: 'Export each server function once, so that it has a single action ID.',
        loc: locOf(entry.node),
      });
    } else if (entry.localName !== null) {
      seen.set(entry.localName, entry);
    }
    exportNames.add(entry.exportName);
  }
  return { exports: problems.length === 0 ? exports : [], bindings, problems };
}
