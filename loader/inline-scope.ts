/**
 * What an inline server function needs to know about where it sits: its name and scope path (the
 * input of its ID), and the variables of enclosing functions that it uses, whole or through member
 * paths (its captured values). Everything here reads the module as written, before any function is
 * moved.
 */
import type { NodePath } from '@babel/core';
import { isClass, isFunction } from '@babel/types';
import type * as t from '@babel/types';
import { memberPathRead, pathsToBind, type MemberPath } from './captured-member-paths';
import type { InlineFunctionPath } from './inline-directives';

type Binding = NonNullable<ReturnType<NodePath['scope']['getBinding']>>;

const ANONYMOUS = '(anonymous)';

function keyName(key: t.Node, computed: boolean): string {
  if (computed) return key.type === 'StringLiteral' || key.type === 'NumericLiteral' ? String(key.value) : '[computed]';
  switch (key.type) {
    case 'Identifier':
      return key.name;
    case 'PrivateName':
      return `#${key.id.name}`;
    case 'StringLiteral':
    case 'NumericLiteral':
      return String(key.value);
    default:
      return '[computed]';
  }
}

function memberName(node: t.Node): string {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression') return `${memberName(node.object)}.${keyName(node.property, node.computed)}`;
  if (node.type === 'ThisExpression') return 'this';
  return '[expression]';
}

/** The name a function or class is known by: its own, or the one of what it is assigned to. */
export function nameOf(path: NodePath): string {
  return nameFrom(path.node, path.parent, path.parentPath?.parent);
}

/** `nameOf` from the node, its parent and the parent's parent (for a JSX attribute's value). */
export function nameFrom(node: t.Node, parent: t.Node, grandparent: t.Node | null | undefined): string {
  if ('id' in node && node.id && node.id.type === 'Identifier') return node.id.name;
  if (node.type === 'ObjectMethod' || node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod') {
    return keyName(node.key, 'computed' in node && node.computed === true);
  }
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.id.type === 'Identifier' ? parent.id.name : ANONYMOUS;
    case 'ObjectProperty':
    case 'ClassProperty':
    case 'ClassPrivateProperty':
      return parent.value === node ? keyName(parent.key, 'computed' in parent && parent.computed) : ANONYMOUS;
    case 'AssignmentExpression':
      return parent.right === node ? memberName(parent.left) : ANONYMOUS;
    case 'ExportDefaultDeclaration':
      return 'default';
    case 'JSXExpressionContainer': {
      if (grandparent?.type === 'JSXAttribute') {
        return grandparent.name.type === 'JSXIdentifier' ? grandparent.name.name : grandparent.name.name.name;
      }
      return ANONYMOUS;
    }
    default:
      return ANONYMOUS;
  }
}

/** `Outer > inner > fn`: the names of the enclosing functions and classes, then the function's own. */
export function scopePathOf(path: InlineFunctionPath): string {
  const names = [nameOf(path)];
  for (let ancestor: NodePath | null = path.parentPath; ancestor && !ancestor.isProgram(); ancestor = ancestor.parentPath) {
    if (ancestor.isFunction() || ancestor.isClass()) names.unshift(nameOf(ancestor));
  }
  return names.join(' > ');
}

/** `scopePathOf` for a node and the nodes above it, the program first. */
export function scopePathFrom(node: t.Node, ancestors: t.Node[]): string {
  const names = [nameFrom(node, ancestors[ancestors.length - 1], ancestors[ancestors.length - 2])];
  for (let depth = ancestors.length - 1; depth >= 1; depth -= 1) {
    const ancestor = ancestors[depth];
    if (isFunction(ancestor) || isClass(ancestor)) names.unshift(nameFrom(ancestor, ancestors[depth - 1], ancestors[depth - 2]));
  }
  return names.join(' > ');
}

function isInside(inner: NodePath, outer: t.Node): boolean {
  const { start, end } = inner.node;
  return start != null && end != null && start >= outer.start! && end <= outer.end!;
}

function isTypeOnly(path: NodePath): boolean {
  return path.findParent((parent) => parent.isTSType() || parent.isTSTypeAnnotation() || parent.isTypeAnnotation()) !== null;
}

/** One value a reference binds: a captured variable whole (no keys), or a member path of it. */
export interface CapturedValue {
  variable: string;
  keys: MemberPath;
}

export interface Captures {
  /** Variables of enclosing functions that the function reads or writes, in order of declaration. */
  names: string[];
  /**
   * What is bound for them, variable by variable: the variable whole, or the member paths the
   * function reads from it (captured-member-paths.ts), in the order they first appear.
   */
  values: CapturedValue[];
  /**
   * The name by which the function refers to itself (its declaration, its own name as an expression,
   * or the variable it initialises): that reference must keep the function's captured values.
   */
  selfName: string | null;
  /** True when a parameter's default value or pattern reads a captured variable. */
  paramsReadCaptures: boolean;
}

/** The name a binding gives the function itself, if it is one of the bindings of the function. */
function selfBindingName(binding: Binding, fn: t.Node): string | null {
  const { node } = binding.path;
  if (node === fn) return binding.identifier.name;
  if (node.type === 'VariableDeclarator' && node.init === fn && node.id.type === 'Identifier') return node.id.name;
  return null;
}

export function capturesOf(path: InlineFunctionPath): Captures {
  const captured = new Map<string, Binding>();
  let selfName: string | null = null;
  const uses = (binding: Binding) =>
    [...binding.referencePaths, ...binding.constantViolations].filter(
      // A declaration in a loop counts as an assignment to its own binding: not a use.
      (use) => use.node !== path.node && isInside(use, path.node) && !isTypeOnly(use),
    );
  for (let scope = path.scope.parent; scope && scope.path.type !== 'Program'; scope = scope.parent) {
    for (const binding of Object.values(scope.bindings)) {
      if (uses(binding).length === 0) continue;
      const self = selfBindingName(binding, path.node);
      if (self !== null) {
        selfName = self;
        continue;
      }
      // Babel lists a class declaration's binding in the class's own scope too; it is the binding of
      // the scope around the class (met next), which is not captured when that scope is the module.
      if (scope.path.isClassDeclaration() && binding.path === scope.path) continue;
      const name = binding.identifier.name;
      if (!captured.has(name)) captured.set(name, binding);
    }
  }
  const ownName = path.node.type === 'FunctionExpression' ? path.node.id?.name : undefined;
  if (ownName) {
    const binding = path.scope.getOwnBinding(ownName);
    // A body that declares the name again means its own variable by it (Babel files that declaration
    // under the function's name, as a "violation").
    const redeclared = binding?.constantViolations.some((v) => v.isVariableDeclarator() || v.isFunctionDeclaration() || v.isClassDeclaration());
    if (binding?.kind === 'local' && !redeclared && uses(binding).length > 0) selfName = ownName;
  }
  const bindings = [...captured.values()];
  const params = path.node.params;
  const paramsReadCaptures = bindings.some((binding) =>
    uses(binding).some((use) => params.some((param) => use.node.start! >= param.start! && use.node.end! <= param.end!)),
  );
  bindings.sort((a, b) => a.identifier.start! - b.identifier.start!);
  const values = bindings.flatMap((binding) => {
    const variable = binding.identifier.name;
    return pathsReadFrom(binding, uses(binding)).map((keys) => ({ variable, keys }));
  });
  return { names: bindings.map((binding) => binding.identifier.name), values, selfName, paramsReadCaptures };
}

/** The member paths to bind for a variable, from its uses in the function; `[[]]`: the variable whole. */
function pathsReadFrom(binding: Binding, uses: NodePath[]): MemberPath[] {
  // Written to (`x = …`, `x++`, a loop's target): the function's own copy must start whole.
  if (uses.some((use) => binding.constantViolations.includes(use))) return [[]];
  const inOrder = [...uses].sort((a, b) => a.node.start! - b.node.start!);
  return pathsToBind(inOrder.map(memberPathRead));
}
