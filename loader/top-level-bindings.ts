/** What each top-level name of a module is bound to, as far as the "use server" rules care. */
import type * as t from '@babel/types';

export type BindingKind =
  | 'async-function'
  | 'function'
  | 'generator'
  | 'const-async-function'
  /** A `const` whose value only running the module tells: a call (an action wrapper), a member, a name… */
  | 'const-computed'
  /** A `let` or `var` that holds a function, or may. */
  | 'mutable'
  | 'class'
  | 'import'
  /** A value that is not a function, as the code shows (a literal, an object, an arithmetic result…). */
  | 'value';

export interface Binding {
  kind: BindingKind;
  node: t.Node;
  /** For a variable: the declaration statement that holds its declarator. */
  declaration?: t.VariableDeclaration;
}

function functionKind(node: t.FunctionDeclaration): BindingKind {
  if (node.generator) return 'generator';
  return node.async ? 'async-function' : 'function';
}

/** The expression a TypeScript or Flow wrapper (`x as T`, `x!`, `x satisfies T`) holds. */
function unwrapTypes(node: t.Expression): t.Expression {
  let inner: t.Node = node;
  while (
    inner.type === 'TSAsExpression' ||
    inner.type === 'TSSatisfiesExpression' ||
    inner.type === 'TSNonNullExpression' ||
    inner.type === 'TSTypeAssertion' ||
    inner.type === 'TypeCastExpression' ||
    inner.type === 'ParenthesizedExpression'
  ) {
    inner = inner.expression;
  }
  return inner as t.Expression;
}

// Expressions whose value can never be a function, whatever the code around them does.
const NEVER_A_FUNCTION = new Set<string>([
  'StringLiteral',
  'NumericLiteral',
  'BooleanLiteral',
  'NullLiteral',
  'BigIntLiteral',
  'RegExpLiteral',
  'TemplateLiteral',
  'ObjectExpression',
  'ArrayExpression',
  'UnaryExpression',
  'BinaryExpression',
  'UpdateExpression',
  'JSXElement',
  'JSXFragment',
]);

/**
 * What an exported value is, as far as the code shows: an async function literal (registered as it
 * is), a function or class that cannot be a server function, a value that is never a function, or an
 * expression that only running the module can tell (`withAuth(async () => …)`), checked then.
 */
export function valueKind(init: t.Expression): 'async-function' | 'function' | 'generator' | 'class' | 'value' | 'computed' {
  const value = unwrapTypes(init);
  if (value.type === 'FunctionExpression' || value.type === 'ArrowFunctionExpression') {
    if (value.type === 'FunctionExpression' && value.generator) return 'generator';
    return value.async ? 'async-function' : 'function';
  }
  if (value.type === 'ClassExpression') return 'class';
  if (NEVER_A_FUNCTION.has(value.type) || (value.type === 'Identifier' && value.name === 'undefined')) return 'value';
  return 'computed';
}

function variableKind(declaration: t.VariableDeclaration, init: t.Expression | null | undefined): BindingKind {
  if (!init) return 'value';
  const kind = valueKind(init);
  if (kind === 'value' || kind === 'function' || kind === 'generator' || kind === 'class') return kind;
  if (declaration.kind !== 'const') return 'mutable';
  return kind === 'async-function' ? 'const-async-function' : 'const-computed';
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
          for (const name of names) bindings.set(name, { kind: 'value', node: declarator, declaration });
          continue;
        }
        bindings.set(declarator.id.name, { kind: variableKind(declaration, declarator.init), node: declarator, declaration });
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
