/**
 * What an inline "use server" function must bind, found by the tests on their own from the input (not
 * with the loader's code): the variables of enclosing functions it uses, each whole or as the member
 * paths it reads. Worked out from the top of each expression down (the loader works up from each
 * reference), so that the two can disagree.
 */
import type { NodePath } from '@babel/core';
import { parseExpression } from '@babel/parser';
import type * as t from '@babel/types';

type FunctionPath = NodePath<t.Function>;
type Binding = NonNullable<ReturnType<NodePath['scope']['getBinding']>>;

/** A captured value: `{ variable: "props", keys: ["note", "id"] }` for `props.note.id`; no keys: the whole variable. */
export interface Chain {
  variable: string;
  keys: string[];
}

const TYPE_WRAPPERS = ['TSNonNullExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'ParenthesizedExpression'];

function isWithin(inner: t.Node, outer: t.Node): boolean {
  return inner.start! >= outer.start! && inner.end! <= outer.end!;
}

function isTypeOnly(use: NodePath): boolean {
  return use.findParent((p) => p.isTSType() || p.isTSTypeAnnotation() || p.isTSTypeParameterInstantiation()) !== null;
}

/** The key of `object.key`, `object["key"]` or `object[0]`; null for any other computed key, and for `__proto__`. */
function literalKey(node: t.Node): string | null {
  if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return null;
  const { property } = node;
  const key = !node.computed
    ? (property as t.Identifier).name
    : property.type === 'StringLiteral' || property.type === 'NumericLiteral'
      ? String(property.value)
      : null;
  return key === '__proto__' ? null : key;
}

/** An expression read as a variable and the keys read from it: `a?.b["c"][0]`, `a!.b`; null for anything else. */
export function chainOf(node: t.Node): Chain | null {
  if (node.type === 'Identifier') return { variable: node.name, keys: [] };
  if (TYPE_WRAPPERS.includes(node.type)) return chainOf((node as t.TSNonNullExpression).expression);
  const key = literalKey(node);
  if (key === null) return null;
  const below = chainOf((node as t.MemberExpression).object);
  return below && { variable: below.variable, keys: [...below.keys, key] };
}

/** `chainOf` for the text of a captured value's name (`props.note.id`, `items[0]`, `props["a-b"]`). */
export function chainNamed(name: string): Chain | null {
  return chainOf(parseExpression(name));
}

/** The node is the object of a member, or inside a type wrapper: something above it reads more of it. */
function isReadFurther(path: NodePath): boolean {
  const parent = path.parent;
  if (TYPE_WRAPPERS.includes(parent.type)) return true;
  return (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === path.node && literalKey(parent) !== null;
}

/** Where the value is not read: it is called (or tags a template), assigned, updated, deleted or destructured into. */
function isCalledOrWritten(path: NodePath): boolean {
  const { parent, node } = path;
  if ((parent.type === 'CallExpression' || parent.type === 'OptionalCallExpression') && parent.callee === node) return true;
  if (parent.type === 'TaggedTemplateExpression' && parent.tag === node) return true;
  if (parent.type === 'UpdateExpression' || (parent.type === 'UnaryExpression' && parent.operator === 'delete')) return true;
  // A target of an assignment, a loop's left side, or anywhere inside a destructuring pattern.
  let target: NodePath = path;
  while (target.parentPath && ['ArrayPattern', 'ObjectPattern', 'ObjectProperty', 'RestElement', 'AssignmentPattern'].includes(target.parent.type)) {
    if (target.parent.type === 'AssignmentPattern' && target.key !== 'left') return false;
    if (target.parent.type === 'ObjectProperty' && (target.key !== 'value' || target.parentPath.parent.type !== 'ObjectPattern')) return false;
    target = target.parentPath;
  }
  const top = target.parent;
  return (
    target !== path ||
    (top.type === 'AssignmentExpression' && top.left === target.node) ||
    ((top.type === 'ForOfStatement' || top.type === 'ForInStatement') && top.left === target.node)
  );
}

/** The paths to bind for one variable: any whole use binds it whole; a path under another is left out. */
function bound(paths: string[][]): string[][] {
  if (paths.some((keys) => keys.length === 0)) return [[]];
  const text = (keys: string[]) => keys.map((key) => `${JSON.stringify(key)}/`).join('');
  return paths.filter((keys, index) => {
    const self = text(keys);
    return paths.every((other, j) => {
      const prefix = text(other);
      if (prefix === self) return j >= index; // keep the first of equal paths
      return !self.startsWith(prefix);
    });
  });
}

/**
 * The values a server function must carry along, as chains: the variables of enclosing functions and
 * blocks (not of the module, which the hoisted function still sees) that it reads or writes, whole or
 * as the member paths it reads. Not its own name, by which it refers to itself, be it a declaration's
 * or the variable it is assigned to.
 */
export function expectedCaptures(fn: FunctionPath): Chain[] {
  const captured = new Map<Binding, { name: string; paths: string[][] }>();
  const capturedBinding = (use: NodePath, name: string): Binding | null => {
    if (isTypeOnly(use)) return null;
    let binding = use.scope.getBinding(name);
    // Inside a class declaration, its name is the binding the declaration makes around it.
    if (binding?.path.isClassDeclaration() && binding.scope.path.node === binding.path.node) {
      binding = binding.scope.parent?.getBinding(name);
    }
    if (!binding || binding.scope.path.isProgram() || isWithin(binding.scope.path.node, fn.node)) return null;
    if (binding.path.node === fn.node) return null;
    if (binding.path.isVariableDeclarator() && binding.path.node.init === fn.node) return null;
    return binding;
  };
  const record = (use: NodePath, name: string, keys: string[]) => {
    const binding = capturedBinding(use, name);
    if (!binding) return;
    if (!captured.has(binding)) captured.set(binding, { name, paths: [] });
    captured.get(binding)!.paths.push(keys);
  };
  const assigned = (target: NodePath) => {
    for (const [name, id] of Object.entries(target.getBindingIdentifierPaths())) record(id, name, []);
  };
  fn.traverse({
    Expression(expression) {
      if (isReadFurther(expression)) return;
      const chain = chainOf(expression.node);
      if (!chain) return;
      // A lone identifier is a variable only where it is referenced (not a key or a declaration).
      if (chain.keys.length === 0 && !(expression.isReferencedIdentifier() || TYPE_WRAPPERS.includes(expression.node.type))) return;
      const keys = isCalledOrWritten(expression) ? chain.keys.slice(0, -1) : chain.keys;
      let base: NodePath = expression;
      while (!base.isIdentifier()) base = (base.get(base.isMemberExpression() || base.isOptionalMemberExpression() ? 'object' : 'expression') as NodePath);
      record(base, chain.variable, keys);
    },
    JSXIdentifier(use) {
      if (use.isReferencedIdentifier()) record(use, use.node.name, []);
    },
    AssignmentExpression(assignment) {
      assigned(assignment.get('left'));
    },
    UpdateExpression(update) {
      assigned(update.get('argument'));
    },
    ForXStatement(loop) {
      if (!loop.get('left').isVariableDeclaration()) assigned(loop.get('left'));
    },
  });
  return [...captured.values()].flatMap(({ name, paths }) => bound(paths).map((keys) => ({ variable: name, keys })));
}
