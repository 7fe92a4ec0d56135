/**
 * What an inline server function reads from a variable it captures: the variable whole, or only some
 * member paths of it (`props.note.id`, `items[0]`). A reference then binds those values and nothing
 * else of the object, so that a database client, a function or a class instance next to them does not
 * fail the render, and less is sealed and sent.
 *
 * A use of the variable reads a path when it only walks down static members (`.name`, `["name"]`,
 * `[0]`, with or without `?.`) to a value. Everything else uses the variable, or the object a path
 * leads to, whole:
 * - a call through a member (`user.getName()`, a tagged template) binds the object it is called on,
 *   which the method gets as `this`: `user`;
 * - a write through a member (`props.x = 1`, `props.x++`, `delete props.x`, a destructuring target)
 *   binds the object written to, so that later reads see the write;
 * - a computed member with another key (`props.list[i]`) binds the object it indexes, `props.list`;
 * - `__proto__` ends a path: its value depends on how the object was made;
 * - any other use of the object (passed, spread, destructured, compared, `in`, `typeof`) binds it;
 * - an assignment to the variable itself binds it.
 * Uses in nested functions count like any other: the hoisted function rebuilds an ordinary variable
 * that they close over.
 */
import type * as t from '@babel/types';

/** The keys read from a variable, outermost first: `["note", "id"]` for `props.note.id`. */
export type MemberPath = string[];

/**
 * What is read of a node's place in the tree: a Babel NodePath has it, and so does the chain the
 * plain walk of inline-plain-scan.ts makes.
 */
export interface Ancestry {
  node: t.Node;
  type: string;
  key: string | number | null;
  readonly parentPath: Ancestry | null;
}

/** Expressions that leave the value as it is: types, and parentheses kept as nodes. */
const TRANSPARENT = new Set(['TSNonNullExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'ParenthesizedExpression']);

/** The parents through which a reference may read a path: a reference anywhere else reads the variable whole. */
export const MEMBER_PATH_PARENTS = new Set([...TRANSPARENT, 'MemberExpression', 'OptionalMemberExpression']);

/** The property name a member reads when it is known without running code, or null. */
function staticKey(member: t.MemberExpression | t.OptionalMemberExpression): string | null {
  const { property, computed } = member;
  let key: string | null = null;
  if (!computed && property.type === 'Identifier') key = property.name;
  else if (computed && property.type === 'StringLiteral') key = property.value;
  else if (computed && property.type === 'NumericLiteral') key = String(property.value);
  return key === '__proto__' ? null : key;
}

/** Whether the expression at `top` is called, used as a tag, or written to (the object it belongs to is then needed). */
function actsOnItsObject(top: Ancestry): boolean {
  const { parentPath: parent, key } = top;
  if (!parent) return false;
  switch (parent.type) {
    case 'CallExpression':
    case 'OptionalCallExpression':
      return key === 'callee';
    case 'TaggedTemplateExpression':
      return key === 'tag';
    case 'AssignmentExpression':
    case 'AssignmentPattern':
    case 'ForInStatement':
    case 'ForOfStatement':
      return key === 'left';
    case 'UpdateExpression':
    case 'ArrayPattern':
    case 'RestElement':
      return true;
    case 'UnaryExpression':
      return (parent.node as t.UnaryExpression).operator === 'delete';
    case 'ObjectProperty':
      return key === 'value' && parent.parentPath?.type === 'ObjectPattern';
    default:
      return false;
  }
}

/** The path a reference to a captured variable reads; empty when it uses the variable whole. */
export function memberPathRead(reference: Ancestry): MemberPath {
  const keys: string[] = [];
  let top: Ancestry = reference;
  for (;;) {
    let parent = top.parentPath;
    while (parent && TRANSPARENT.has(parent.type)) {
      top = parent;
      parent = parent.parentPath;
    }
    if (!parent || top.key !== 'object' || !(parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression')) break;
    const key = staticKey(parent.node as t.MemberExpression);
    if (key === null) break;
    keys.push(key);
    top = parent;
  }
  if (keys.length > 0 && actsOnItsObject(top)) keys.pop();
  return keys;
}

/**
 * The paths to bind for one variable, from the paths its uses read (in source order): each once, a
 * path that another one leads through left out (its parent holds it), the variable whole (`[[]]`) as
 * soon as one use reads it whole.
 */
export function pathsToBind(read: MemberPath[]): MemberPath[] {
  const isUnder = (path: MemberPath, parent: MemberPath) =>
    parent.length <= path.length && parent.every((key, index) => path[index] === key);
  const kept: MemberPath[] = [];
  for (const path of read) {
    if (kept.some((other) => isUnder(path, other))) continue;
    for (let index = kept.length - 1; index >= 0; index -= 1) if (isUnder(kept[index], path)) kept.splice(index, 1);
    kept.push(path);
  }
  return kept;
}
