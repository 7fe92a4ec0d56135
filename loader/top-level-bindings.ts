/** What each top-level name of a module is bound to, as far as the "use server" rules care. */
import type * as t from '@babel/types';

export type BindingKind =
  | 'async-function'
  | 'function'
  | 'generator'
  | 'const-async-function'
  | 'mutable-async-function'
  | 'class'
  | 'import'
  | 'value';

export interface Binding {
  kind: BindingKind;
  node: t.Node;
}

export function isAsyncFunctionExpression(
  node: t.Node | null | undefined,
): node is t.ArrowFunctionExpression | t.FunctionExpression {
  return (
    !!node &&
    (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') &&
    node.async &&
    !(node.type === 'FunctionExpression' && node.generator)
  );
}

function functionKind(node: t.FunctionDeclaration): BindingKind {
  if (node.generator) return 'generator';
  return node.async ? 'async-function' : 'function';
}

export function patternNames(pattern: t.LVal | t.Node, names: string[]): void {
  switch (pattern.type) {
    case 'Identifier':
      names.push(pattern.name);
      return;
    case 'ObjectPattern':
      for (const property of pattern.properties) {
        patternNames(property.type === 'RestElement' ? property.argument : property.value, names);
      }
      return;
    case 'ArrayPattern':
      for (const element of pattern.elements) if (element) patternNames(element, names);
      return;
    case 'AssignmentPattern':
      patternNames(pattern.left, names);
      return;
    case 'RestElement':
      patternNames(pattern.argument, names);
      return;
    default:
  }
}

function declare(bindings: Map<string, Binding>, declaration: t.Node): void {
  switch (declaration.type) {
    case 'FunctionDeclaration':
      if (declaration.id) bindings.set(declaration.id.name, { kind: functionKind(declaration), node: declaration });
      return;
    case 'ClassDeclaration':
      if (declaration.id) bindings.set(declaration.id.name, { kind: 'class', node: declaration });
      return;
    case 'VariableDeclaration':
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== 'Identifier') {
          const names: string[] = [];
          patternNames(declarator.id, names);
          for (const name of names) bindings.set(name, { kind: 'value', node: declarator });
          continue;
        }
        let kind: BindingKind = 'value';
        if (isAsyncFunctionExpression(declarator.init)) {
          kind = declaration.kind === 'const' ? 'const-async-function' : 'mutable-async-function';
        }
        bindings.set(declarator.id.name, { kind, node: declarator });
      }
      return;
    case 'ImportDeclaration':
      for (const specifier of declaration.specifiers) {
        bindings.set(specifier.local.name, { kind: 'import', node: specifier });
      }
      return;
    default:
  }
}

export function collectTopLevelBindings(program: t.Program): Map<string, Binding> {
  const bindings = new Map<string, Binding>();
  for (const statement of program.body) {
    if (
      (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') &&
      statement.declaration
    ) {
      declare(bindings, statement.declaration);
    } else {
      declare(bindings, statement);
    }
  }
  return bindings;
}

/** A name that no top-level binding of the module uses. */
export function freshName(bindings: Map<string, Binding>, base: string): string {
  let name = base;
  for (let counter = 1; bindings.has(name); counter += 1) name = `${base}${counter}`;
  bindings.set(name, { kind: 'value', node: { type: 'Noop' } as t.Noop });
  return name;
}

export function exportedName(node: t.Identifier | t.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}
