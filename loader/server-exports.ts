/**
 * The exports of a "use server" module: which of them can be server functions, and how each is
 * registered (see register-server-functions.ts).
 *
 * Checked here, at build time, as the code shows them:
 *   export async function f() {}             export const f = async () => {}
 *   export default async function () {}      export default async () => {}
 *   export { f, f as g }                     export default f        (local bindings)
 *   export const action = withAuth(async (input) => {})             (any other expression)
 * The last form, which action-wrapper libraries use, is a function or not only when the module runs:
 * it is checked then, and a value that is not a function stops the module with an error that names the
 * file and export. Everything the code already shows is not a function (a literal, an object, a class,
 * a function that is not async, a generator), or that could change after registration (`let`, `var`),
 * or that belongs to another module (`export *`, re-exports, imports), is a build error with a
 * location and a fix. Type-only exports (TypeScript) create nothing at run time and are ignored.
 */
import type * as t from '@babel/types';
import type { LocatedProblem } from './located-error';
import { collectTopLevelBindings, exportedName, valueKind, type Binding } from './top-level-bindings';

export type AnonymousDefault = t.FunctionDeclaration | t.ArrowFunctionExpression | t.FunctionExpression;

/** How an export becomes a server function, so that each is registered before any code can use it. */
export type Registration =
  /** A function declaration: registered at the top of the module, since declarations are hoisted. */
  | { kind: 'hoisted'; local: string }
  /** A `const` that holds an async function literal: registered right after its declaration. */
  | { kind: 'after-declaration'; local: string; declaration: t.VariableDeclaration }
  /** `export default async function () {}` or `export default async () => {}`: named, then as above. */
  | { kind: 'anonymous-default'; fn: AnonymousDefault }
  /** Any other value: the expression is wrapped where it is evaluated, and checked when it runs. */
  | { kind: 'wrapped'; expression: t.Expression }
  /** A further name for a local exported already: a function of its own, made after the module body. */
  | { kind: 'alias'; local: string; exportNode: t.ExportSpecifier | t.ExportDefaultDeclaration };

export interface ServerExport {
  exportName: string;
  registration: Registration;
  /** The export statement or specifier, for locations. */
  node: t.Node;
}

export interface ServerExportsAnalysis {
  exports: ServerExport[];
  bindings: Map<string, Binding>;
  problems: LocatedProblem[];
}

export interface ServerExportsOptions {
  /** Exports the loader itself added (hoisted inline server functions), which are not the file's own. */
  skip?: ReadonlySet<string>;
}

const KEEP_ONLY_FUNCTIONS =
  'Every export of a "use server" file becomes a server function that clients can call, so it must be a function.';

const FIX_LOCAL =
  'Make it an async function declared in this file (`async function name() {}` or `const name = async () => {}`), or move it to a module without "use server".';

function locOf(node: t.Node): { line: number; column: number } {
  return { line: node.loc?.start.line ?? 1, column: node.loc?.start.column ?? 0 };
}

/** Why a binding cannot be a server function; null when it can (now, or when the module runs). */
function describeBinding(binding: Binding | undefined, name: string): string | null {
  switch (binding?.kind) {
    case 'async-function':
    case 'const-async-function':
    case 'const-computed':
      return null;
    case 'function':
      return `\`${name}\` is not an async function.`;
    case 'generator':
      return `\`${name}\` is a generator; server functions must be async functions that return a promise.`;
    case 'mutable':
      return `\`${name}\` is declared with let or var; the function it holds could be replaced after registration.`;
    case 'class':
      return `\`${name}\` is a class.`;
    case 'import':
      return `\`${name}\` is imported from another module.`;
    case 'value':
      return `\`${name}\` is not a function.`;
    default:
      return `\`${name}\` is not declared at the top level of this module.`;
  }
}

function fixFor(binding: Binding | undefined): string {
  return binding?.kind === 'import'
    ? 'Re-exporting does not make a server function. Export it from its own "use server" file, or wrap it: `export async function name(...args) { return imported(...args) }`.'
    : FIX_LOCAL;
}

function describeValue(kind: ReturnType<typeof valueKind>): string {
  switch (kind) {
    case 'function':
      return 'is not an async function';
    case 'generator':
      return 'is a generator';
    case 'class':
      return 'is a class';
    default:
      return 'is not a function';
  }
}

export function analyseServerExports(program: t.Program, options: ServerExportsOptions = {}): ServerExportsAnalysis {
  const bindings = collectTopLevelBindings(program);
  const exports: ServerExport[] = [];
  const problems: LocatedProblem[] = [];
  // One export of each local registers the local itself (its `export` declaration, or else its first
  // export); any other is an alias.
  const exportedLocals = new Set<string>(declaredExports(program));
  const report = (node: t.Node, message: string, fix: string) =>
    problems.push({ message: `${KEEP_ONLY_FUNCTIONS} ${message}`, fix, loc: locOf(node) });

  const exportLocal = (node: t.ExportSpecifier | t.ExportNamedDeclaration | t.ExportDefaultDeclaration, exportName: string, local: string) => {
    const binding = bindings.get(local);
    const problem = describeBinding(binding, local);
    if (problem) {
      report(node, `Export \`${exportName}\`: ${problem}`, fixFor(binding));
      return;
    }
    if (node.type !== 'ExportNamedDeclaration') {
      if (exportedLocals.has(local)) {
        exports.push({ exportName, node, registration: { kind: 'alias', local, exportNode: node } });
        return;
      }
      exportedLocals.add(local);
    }
    exports.push({ exportName, node, registration: primaryRegistration(binding!, local) });
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
      const exportName = exportedName(specifier.exported);
      if (!options.skip?.has(exportName)) exportLocal(specifier, exportName, specifier.local.name);
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
          report(statement, 'A destructuring export cannot be checked to hold server functions.', FIX_LOCAL);
        }
        for (const name of names) if (!options.skip?.has(name)) exportLocal(statement, name, name);
        return;
      }
      case 'TSTypeAliasDeclaration':
      case 'TSInterfaceDeclaration':
      case 'TSDeclareFunction':
        return;
      default:
        if ('declare' in declaration && declaration.declare) return;
        report(statement, `An exported ${declaration.type} is not a function.`, FIX_LOCAL);
    }
  }

  function collectDefaultExport(statement: t.ExportDefaultDeclaration): void {
    const declaration = statement.declaration;
    if (declaration.type === 'Identifier') {
      exportLocal(statement, 'default', declaration.name);
      return;
    }
    if (declaration.type === 'FunctionDeclaration' && declaration.async && !declaration.generator) {
      const registration: Registration = declaration.id
        ? { kind: 'hoisted', local: declaration.id.name }
        : { kind: 'anonymous-default', fn: declaration };
      exports.push({ exportName: 'default', node: statement, registration });
      return;
    }
    // Type-only default exports (`export default interface`) create nothing at run time.
    if (declaration.type === 'TSDeclareFunction' || (declaration as t.Node).type === 'TSInterfaceDeclaration') return;
    if (declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') {
      const what = declaration.type === 'ClassDeclaration' ? 'is a class' : describeValue(declaration.generator ? 'generator' : 'function');
      report(statement, `The default export ${what}.`, FIX_LOCAL);
      return;
    }
    const expression = declaration as t.Expression;
    const kind = valueKind(expression);
    if (kind === 'async-function') {
      exports.push({ exportName: 'default', node: statement, registration: { kind: 'anonymous-default', fn: expression as AnonymousDefault } });
    } else if (kind === 'computed') {
      exports.push({ exportName: 'default', node: statement, registration: { kind: 'wrapped', expression } });
    } else {
      report(statement, `The default export ${describeValue(kind)}.`, FIX_LOCAL);
    }
  }

  const exportNames = new Set<string>();
  for (const entry of exports) {
    // Babel's TypeScript parser allows two exports of one name (overloads are declared that way).
    if (exportNames.has(entry.exportName)) {
      problems.push({
        message: `Two exports are named \`${entry.exportName}\`.`,
        fix: 'Give each server function its own export name.',
        loc: locOf(entry.node),
      });
    }
    exportNames.add(entry.exportName);
  }
  return { exports: problems.length === 0 ? exports : [], bindings, problems };
}

/** The locals that an `export` declaration exports (`export async function f`, `export const f = …`). */
function declaredExports(program: t.Program): string[] {
  const names: string[] = [];
  for (const statement of program.body) {
    const declaration = (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') && statement.declaration;
    if (!declaration || statement.exportKind === 'type') continue;
    if (declaration.type === 'VariableDeclaration') {
      for (const d of declaration.declarations) if (d.id.type === 'Identifier') names.push(d.id.name);
    } else if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id) {
      names.push(declaration.id.name);
    }
  }
  return names;
}

/** How the first export of a local registers it (the binding has passed `describeBinding`). */
function primaryRegistration(binding: Binding, local: string): Registration {
  if (binding.kind === 'async-function') return { kind: 'hoisted', local };
  const declarator = binding.node as t.VariableDeclarator;
  if (binding.kind === 'const-async-function') {
    return { kind: 'after-declaration', local, declaration: binding.declaration! };
  }
  return { kind: 'wrapped', expression: declarator.init! };
}
