/**
 * Scopes and bindings for the walk over plain nodes (inline-plain-scan.ts), made as Babel's scope
 * analysis makes them: which nodes open a scope, where each kind of declaration goes, and how a name
 * is looked up. Only what the inline transform reads of them is kept: the first identifier of each
 * binding, the node Babel's binding holds as its path, its kind, and whether it was declared twice.
 */
import * as babelTypes from '@babel/types';
import type * as t from '@babel/types';

// Read once: each named import of @babel/types is a getter, which costs on every call of a walk.
const { getOuterBindingIdentifiers } = babelTypes;
const FUNCTION_PARENTS = new Set(babelTypes.FUNCTIONPARENT_TYPES);
const BLOCK_PARENTS = new Set(babelTypes.BLOCKPARENT_TYPES);
export const FUNCTIONS = new Set(babelTypes.FUNCTION_TYPES);
const SCOPABLE = new Set(babelTypes.SCOPABLE_TYPES);
const PATTERNS = new Set(babelTypes.PATTERN_TYPES);
/** The nodes that declare names. */
export const DECLARING = new Set(['VariableDeclaration', 'ClassDeclaration', 'ClassExpression', 'CatchClause', ...babelTypes.FUNCTION_TYPES]);

export interface Scope {
  node: t.Node;
  parent: Scope | null;
  depth: number;
  /** Made on the first declaration: most blocks declare nothing. */
  bindings: Map<string, Binding> | null;
}

export interface Binding {
  name: string;
  identifier: t.Identifier;
  /** The node Babel's binding holds as its path: the declarator, function, class, parameter or catch clause. */
  declaration: t.Node;
  /** A parameter, a function or class expression's own name, or any other declaration. */
  kind: 'param' | 'local' | 'other';
  scope: Scope;
  /** Declared a second time in its scope: Babel counts that as an assignment, which the walk does not model. */
  redeclared: boolean;
}

/** What the walk does not model: the caller then runs Babel's walk. */
export class Unmodelled extends Error {}

export function unmodelled(): never {
  throw new Unmodelled();
}

/** The scope a node opens, or null (Babel's `isScope`: a function's or catch clause's body is theirs, their patterns are scopes). */
export function scopeOpenedBy(node: t.Node, parent: t.Node, around: Scope): Scope | null {
  const { type } = node;
  let opens: boolean;
  if (type === 'BlockStatement') opens = !(FUNCTIONS.has(parent.type) || parent.type === 'CatchClause');
  else if (PATTERNS.has(type)) opens = FUNCTIONS.has(parent.type) || parent.type === 'CatchClause';
  else opens = SCOPABLE.has(type);
  return opens ? { node, parent: around, depth: around.depth + 1, bindings: null } : null;
}

function blockParent(scope: Scope): Scope {
  let s = scope;
  while (!BLOCK_PARENTS.has(s.node.type) && s.parent) s = s.parent;
  return s;
}

function functionParent(scope: Scope): Scope {
  let s = scope;
  while (!FUNCTION_PARENTS.has(s.node.type) && s.parent) s = s.parent;
  return s;
}

function bind(scope: Scope, id: t.Identifier, declaration: t.Node, kind: Binding['kind']): void {
  const known = scope.bindings?.get(id.name);
  if (known) {
    if (known.identifier !== id) known.redeclared = true;
  } else {
    (scope.bindings ??= new Map()).set(id.name, { name: id.name, identifier: id, declaration, kind, scope, redeclared: false });
  }
}

function register(scope: Scope, idsOf: t.Node, declaration: t.Node, kind: Binding['kind'] = 'other'): void {
  // The common cases without the generic (and slower) `getOuterBindingIdentifiers`.
  const single = idsOf.type === 'Identifier' ? idsOf : idsOf.type === 'VariableDeclarator' && idsOf.id.type === 'Identifier' ? idsOf.id : null;
  if (single) {
    bind(scope, single, declaration, kind);
    return;
  }
  const ids = getOuterBindingIdentifiers(idsOf, true) as Record<string, t.Identifier[]>;
  for (const name of Object.keys(ids)) for (const id of ids[name]) bind(scope, id, declaration, kind);
}

/**
 * The names a node declares (one of DECLARING), where Babel's collector puts them: `var` in the
 * function, `let`, `const`, functions and classes in the block, parameters and a function or class
 * expression's own name in its own scope. `scope`: the scope around the node; `own`: the one it opens.
 */
export function declare(node: t.Node, scope: Scope, own: Scope | null): void {
  switch (node.type) {
    case 'VariableDeclaration': {
      const target = node.kind === 'var' ? functionParent(scope) : blockParent(scope);
      for (const declarator of node.declarations) register(target, declarator, declarator);
      break;
    }
    case 'FunctionDeclaration':
      if (node.id) register(blockParent(scope), node.id, node);
      break;
    case 'ClassDeclaration':
      if (node.id) {
        const target = blockParent(scope);
        register(target, node.id, node);
        // Babel lists it in the class's own scope too: the same binding.
        (own!.bindings ??= new Map()).set(node.id.name, target.bindings!.get(node.id.name)!);
      }
      break;
    case 'ClassExpression':
      if (node.id) register(own!, node.id, node, 'local');
      break;
    case 'CatchClause':
      register(own!, node, node);
      break;
    default:
      break;
  }
  if (FUNCTIONS.has(node.type)) {
    for (const param of (node as t.Function).params) {
      if (param.type === 'TSParameterProperty') unmodelled();
      register(own!, param, param, 'param');
    }
    if (node.type === 'FunctionExpression' && node.id) register(own!, node.id, node, 'local');
  }
}

/**
 * Babel's `getBinding`: from a parameter's pattern, the function's own declarations other than its
 * parameters are not seen (`(x = title) => { const title … }` reads the outer `title`).
 */
export function resolve(scope: Scope | null, name: string): Binding | undefined {
  let previous: Scope | null = null;
  for (let s = scope; s; s = s.parent) {
    const binding = s.bindings?.get(name);
    if (binding) {
      const hidden = previous && PATTERNS.has(previous.node.type) && binding.kind === 'other' && binding.declaration.type !== 'CatchClause';
      if (!hidden) return binding;
    } else if (name === 'arguments' && FUNCTIONS.has(s.node.type) && s.node.type !== 'ArrowFunctionExpression') {
      return undefined;
    }
    previous = s;
  }
  return undefined;
}
