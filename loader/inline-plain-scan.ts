/**
 * One walk over the plain nodes of a server component that finds its inline "use server" functions
 * and what each captures: the same findings as Babel's path walk (inline-directives.ts) and scope
 * analysis (inline-scope.ts), without the NodePaths and scopes, which cost several times the parse.
 *
 * The walk keeps its own scopes, made as Babel makes them (which nodes open one, where each kind of
 * declaration goes, which scope a method's key or a switch's discriminant is read in), and resolves
 * every reference once, after the walk, as Babel's scope analysis does. A function's captures are then
 * the bindings of scopes between it and the module that references inside it resolve to: one walk for
 * every function, however deep they nest, where asking Babel walks each function's body again.
 *
 * It covers what server components are made of. Whatever it does not model returns null, and the
 * caller runs Babel's walk instead, whose answer is the reference: a directive or a string statement
 * that may be misplaced or misspelled, a function with a problem, classes around a function,
 * TypeScript declarations inside functions, a captured name declared twice or again in the function,
 * names that the generated ones could clash with.
 */
import * as babelTypes from '@babel/types';
import type * as t from '@babel/types';
import { MEMBER_PATH_PARENTS, memberPathRead, pathsToBind, type MemberPath, type Ancestry } from './captured-member-paths';
import { likelyDirective } from './directive-scan';
import { hasUseServerDirective } from './inline-directives';
import type { Captures } from './inline-scope';

// Read once: each named import of @babel/types is a getter, which costs on every call of a walk.
const { getAssignmentIdentifiers, getOuterBindingIdentifiers, isReferenced, isTSType, react, VISITOR_KEYS } = babelTypes;
const FUNCTION_PARENTS = new Set(babelTypes.FUNCTIONPARENT_TYPES);
const BLOCK_PARENTS = new Set(babelTypes.BLOCKPARENT_TYPES);
const FUNCTIONS = new Set(babelTypes.FUNCTION_TYPES);
const SCOPABLE = new Set(babelTypes.SCOPABLE_TYPES);
const PATTERNS = new Set(babelTypes.PATTERN_TYPES);
/** The nodes that declare names. */
const DECLARING = new Set(['VariableDeclaration', 'ClassDeclaration', 'ClassExpression', 'CatchClause', ...babelTypes.FUNCTION_TYPES]);

/** Babel's `isScope`: a function's body and a catch clause's body are their parent's scope, its patterns scopes of their own. */
function opensScope(node: t.Node, parent: t.Node): boolean {
  const { type } = node;
  if (type === 'BlockStatement') return !(FUNCTIONS.has(parent.type) || parent.type === 'CatchClause');
  if (PATTERNS.has(type)) return FUNCTIONS.has(parent.type) || parent.type === 'CatchClause';
  return SCOPABLE.has(type);
}

/** TypeScript nodes that are expressions with a type beside them: the expression is walked. */
const TS_EXPRESSIONS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'TSInstantiationExpression']);
/** Types: nothing in them is a value (Babel's captures leave out what they find in them). */
const TYPE_NODES = new Set(['TSTypeAnnotation', 'TypeAnnotation', 'TSTypeParameterDeclaration', 'TSTypeParameterInstantiation']);
/** Declarations of types only: skipped at module level. */
const TYPE_DECLARATIONS = new Set(['TSTypeAliasDeclaration', 'TSInterfaceDeclaration', 'TSDeclareFunction']);

interface Scope {
  node: t.Node;
  parent: Scope | null;
  depth: number;
  /** Made on the first declaration: most blocks declare nothing. */
  bindings: Map<string, Binding> | null;
}

interface Binding {
  name: string;
  identifier: t.Identifier;
  /** The node Babel's binding holds as its path: the declarator, function, class, parameter or catch clause. */
  declaration: t.Node;
  /** A parameter, a function or class expression's own name, or any other declaration. */
  kind: 'param' | 'local' | 'other';
  scope: Scope;
  /** Declared a second time in its scope: Babel counts that as an assignment, which this walk does not model. */
  redeclared: boolean;
}

/** A function with "use server", as the hoisting needs it. */
export interface PlainInlineFunction {
  node: t.FunctionDeclaration | t.FunctionExpression | t.ArrowFunctionExpression | t.ObjectMethod;
  /** The nodes above it, the program first, and the key each one holds the next under. */
  ancestors: t.Node[];
  keys: (string | number)[];
  scope: Scope;
  /** The next function with "use server" around this one. */
  outer: PlainInlineFunction | null;
  uses: Map<Binding, Use[]>;
  /** Whether a reference inside it resolves to a function expression's own name. */
  usesOwnName: boolean;
}

interface Use {
  start: number;
  end: number;
  /** An assignment, update or loop target: the variable is then bound whole. */
  writes: boolean;
  keys: MemberPath;
}

/** A use found by the walk, resolved once the walk has seen every declaration. */
interface Pending extends Use {
  name: string;
  scope: Scope;
  inside: PlainInlineFunction;
}

export interface PlainScan {
  /** Inner functions before the ones that contain them, as `findInlineDirectives` lists them. */
  functions: PlainInlineFunction[];
  captures: Map<PlainInlineFunction, Captures>;
}

class Unmodelled extends Error {}

function unmodelled(): never {
  throw new Unmodelled();
}

/** The scan, or null where Babel's walk must answer (see the top of this file). */
export function scanOnPlainNodes(program: t.Program): PlainScan | null {
  try {
    return scan(program);
  } catch (error) {
    // Out of stack (a module nested hundreds of levels deep): Babel's walk then says what it always said.
    if (error instanceof Unmodelled || error instanceof RangeError) return null;
    throw error;
  }
}

function scan(program: t.Program): PlainScan {
  const functions: PlainInlineFunction[] = [];
  const pending: Pending[] = [];
  const ancestors: t.Node[] = [];
  const keys: (string | number)[] = [];
  const programScope: Scope = { node: program, parent: null, depth: 0, bindings: null };
  let inside: PlainInlineFunction | null = null;
  let functionDepth = 0;
  // Whether `this`, `arguments` or `super` here would be those of a function with "use server": no
  // function other than an arrow, and no class, between it and here.
  let sharesSiteContext = false;

  const blockParent = (scope: Scope): Scope => {
    let s: Scope | null = scope;
    while (s && !BLOCK_PARENTS.has(s.node.type)) s = s.parent;
    return s ?? programScope;
  };
  const functionParent = (scope: Scope): Scope => {
    let s: Scope | null = scope;
    while (s && !FUNCTION_PARENTS.has(s.node.type)) s = s.parent;
    return s ?? programScope;
  };
  const bind = (scope: Scope, id: t.Identifier, declaration: t.Node, kind: Binding['kind']): void => {
    const known = scope.bindings?.get(id.name);
    if (known) {
      if (known.identifier !== id) known.redeclared = true;
    } else {
      (scope.bindings ??= new Map()).set(id.name, { name: id.name, identifier: id, declaration, kind, scope, redeclared: false });
    }
  };
  const register = (scope: Scope, idsOf: t.Node, declaration: t.Node, kind: Binding['kind'] = 'other'): void => {
    // The common cases without the generic (and slower) `getOuterBindingIdentifiers`.
    const single = idsOf.type === 'Identifier' ? idsOf : idsOf.type === 'VariableDeclarator' && idsOf.id.type === 'Identifier' ? idsOf.id : null;
    if (single) {
      bind(scope, single, declaration, kind);
      return;
    }
    const ids = getOuterBindingIdentifiers(idsOf, true) as Record<string, t.Identifier[]>;
    for (const name of Object.keys(ids)) for (const id of ids[name]) bind(scope, id, declaration, kind);
  };
  const record = (name: string, scope: Scope, node: t.Node, writes: boolean, keysRead: MemberPath): void => {
    if (inside) pending.push({ name, scope, inside, start: node.start!, end: node.end!, writes, keys: keysRead });
  };
  const recordWrites = (node: t.Node, scope: Scope): void => {
    if (!inside) return;
    for (const name of Object.keys(getAssignmentIdentifiers(node))) {
      record(name, scope, node, true, []);
    }
  };

  const declare = (node: t.Node, scope: Scope, own: Scope | null): void => {
    switch (node.type) {
      case 'VariableDeclaration': {
        const target = node.kind === 'var' ? functionParent(scope) : blockParent(scope);
        for (const declarator of node.declarations) register(target, declarator, declarator);
        break;
      }
      case 'FunctionDeclaration':
        if (node.id) register(blockParent(own!.parent!), node.id, node);
        break;
      case 'ClassDeclaration':
        if (node.id) {
          const target = blockParent(own!.parent!);
          register(target, node.id, node);
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
  };

  const visit = (node: t.Node, scope: Scope): void => {
    const parent = ancestors[ancestors.length - 1];
    const { type } = node;
    if (type.charCodeAt(0) === 84 /* T */ && !TS_EXPRESSIONS.has(type)) {
      if (TYPE_NODES.has(type) || isTSType(node)) return;
      if (type.startsWith('TS')) {
        if (functionDepth === 0 && TYPE_DECLARATIONS.has(type)) return;
        unmodelled();
      }
    }
    if (type === 'Directive') {
      const written = (node as t.Directive).value.value;
      if (likelyDirective(written) !== null || (written === 'use client' && parent.type !== 'Program')) unmodelled();
      return;
    }
    if (type === 'ExpressionStatement' && (node as t.ExpressionStatement).expression.type === 'StringLiteral') unmodelled();
    const own: Scope | null = opensScope(node, parent) ? { node, parent: scope, depth: scope.depth + 1, bindings: null } : null;
    const here = own ?? scope;
    if (DECLARING.has(type)) declare(node, scope, own);

    if (type === 'Identifier') {
      const { name } = node as t.Identifier;
      if (inside && isReferenced(node, parent, ancestors[ancestors.length - 2])) {
        // Elsewhere a reference reads the variable whole: no chain of ancestors to make.
        const keysRead = MEMBER_PATH_PARENTS.has(parent.type) ? memberPathRead(ancestryAt(ancestors, keys, node)) : [];
        record(name, scope, node, false, keysRead);
      }
    } else if (type === 'JSXIdentifier') {
      const { name } = node as t.JSXIdentifier;
      if (inside && (parent.type === 'JSXMemberExpression' || !react.isCompatTag(name)) && isReferenced(node, parent, ancestors[ancestors.length - 2])) {
        record(name, scope, node, false, []);
      }
    } else if (type === 'AssignmentExpression' || type === 'UpdateExpression') {
      recordWrites(node, here);
    } else if (type === 'UnaryExpression' && (node as t.UnaryExpression).operator === 'delete') {
      recordWrites(node, here);
    } else if (type === 'ForInStatement' || type === 'ForOfStatement') {
      // Babel asks the loop's own scope.
      const { left } = node as t.ForInStatement;
      if (left.type !== 'VariableDeclaration') recordWrites(node, here);
    }

    const fn = FUNCTIONS.has(type);
    let site: PlainInlineFunction | null = null;
    const sharedContext = sharesSiteContext;
    if (fn && hasUseServerDirective(node)) {
      checkFunction(node);
      if (ancestors.some((ancestor) => ancestor.type === 'ClassBody')) unmodelled();
      site = { node: node as PlainInlineFunction['node'], ancestors: [...ancestors], keys: [...keys], scope: here, outer: inside, uses: new Map(), usesOwnName: false };
      inside = site;
      sharesSiteContext = true;
    } else if ((fn && type !== 'ArrowFunctionExpression') || type === 'ClassDeclaration' || type === 'ClassExpression') {
      sharesSiteContext = false;
    } else if (sharesSiteContext && usesContext(node)) {
      unmodelled();
    }
    const isMethod = type === 'ObjectMethod' || type === 'ClassMethod' || type === 'ClassPrivateMethod';
    if (fn) functionDepth += 1;
    ancestors.push(node);
    for (const key of VISITOR_KEYS[type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      // Babel reads a method's key and decorators in the scope around the method, and a switch's
      // discriminant outside the switch.
      const childScope = own && ((isMethod && (key === 'key' || key === 'decorators')) || (type === 'SwitchStatement' && key === 'discriminant')) ? scope : here;
      if (Array.isArray(child)) {
        for (let index = 0; index < child.length; index += 1) {
          const item = child[index] as t.Node | null;
          if (!item) continue;
          keys.push(index);
          visit(item, childScope);
          keys.pop();
        }
      } else if (child && typeof (child as t.Node).type === 'string') {
        keys.push(key);
        visit(child as t.Node, childScope);
        keys.pop();
      }
    }
    ancestors.pop();
    sharesSiteContext = sharedContext;
    if (fn) functionDepth -= 1;
    if (site) {
      inside = site.outer;
      functions.push(site);
    }
  };
  for (let index = 0; index < program.body.length; index += 1) {
    ancestors.push(program);
    keys.push(index);
    visit(program.body[index], programScope);
    keys.pop();
    ancestors.pop();
  }
  for (const directive of program.directives) {
    const written = directive.value.value;
    if (likelyDirective(written) !== null) unmodelled();
  }

  const siteOf = new Map<t.Node, PlainInlineFunction>(functions.map((site) => [site.node, site]));
  for (const use of pending) {
    const { name, scope, inside: innermost } = use;
    const binding = resolve(scope, name);
    if (!binding || binding.scope === programScope) continue;
    const named = siteOf.get(binding.declaration);
    if (named && binding.scope === named.scope) named.usesOwnName = true;
    for (let site: PlainInlineFunction | null = innermost; site && binding.scope.depth < site.scope.depth; site = site.outer) {
      const uses = site.uses.get(binding);
      if (uses) uses.push(use);
      else site.uses.set(binding, [use]);
    }
  }
  const captures = new Map<PlainInlineFunction, Captures>();
  for (const site of functions) captures.set(site, capturesOf(site));
  return { functions, captures };
}

/**
 * Babel's `getBinding`: from a parameter's pattern, the function's own declarations other than its
 * parameters are not seen (`(x = title) => { const title … }` reads the outer `title`).
 */
function resolve(scope: Scope | null, name: string): Binding | undefined {
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

/** The name a binding gives the function itself (as in inline-scope.ts). */
function selfBindingName(binding: Binding, fn: t.Node): string | null {
  const node = binding.declaration;
  if (node === fn) return binding.identifier.name;
  if (node.type === 'VariableDeclarator' && node.init === fn && node.id.type === 'Identifier') return node.id.name;
  return null;
}

/** What `capturesOf` in inline-scope.ts finds, from the uses gathered by the walk. */
function capturesOf(site: PlainInlineFunction): Captures {
  const byName = new Map<string, Binding>();
  let selfName: string | null = null;
  // Inner scopes first, as Babel's scopes are asked: the innermost binding of a name is the one kept.
  const bindings = [...site.uses.keys()].sort((a, b) => b.scope.depth - a.scope.depth);
  for (const binding of bindings) {
    if (binding.redeclared) unmodelled();
    const self = selfBindingName(binding, site.node);
    if (self !== null) {
      selfName = self;
      continue;
    }
    if (!byName.has(binding.name)) byName.set(binding.name, binding);
  }
  // A function expression's own name: a binding of its own scope.
  const { node } = site;
  if (node.type === 'FunctionExpression' && node.id) {
    const own = site.scope.bindings?.get(node.id.name);
    if (own && own.declaration !== node) unmodelled();
    if (own?.redeclared) unmodelled();
    if (own && site.usesOwnName) selfName = node.id.name;
  }
  const captured = [...byName.values()].sort((a, b) => a.identifier.start! - b.identifier.start!);
  for (const binding of captured) if (site.scope.bindings?.has(binding.name)) unmodelled();
  const params = node.params;
  const paramsReadCaptures = captured.some((binding) =>
    site.uses.get(binding)!.some((use) => params.some((param) => use.start >= param.start! && use.end <= param.end!)),
  );
  const values = captured.flatMap((binding) => {
    const uses = site.uses.get(binding)!;
    const paths = uses.some((use) => use.writes) ? [[]] : pathsToBind([...uses].sort((a, b) => a.start - b.start).map((use) => use.keys));
    return paths.map((keys) => ({ variable: binding.name, keys }));
  });
  return { names: captured.map((binding) => binding.name), values, selfName, paramsReadCaptures };
}

/** The checks of inline-directives.ts that can fail but for the uses of context: any of them, and Babel's walk reports it. */
function checkFunction(node: t.Node): void {
  const fn = node as t.Function;
  if (fn.type === 'ClassMethod' || fn.type === 'ClassPrivateMethod') unmodelled();
  if (fn.type === 'ObjectMethod' && fn.kind !== 'method') unmodelled();
  if (fn.generator || !fn.async) unmodelled();
}

/** Whether the node may be a use of `this`, `arguments`, `super`, `new.target` or a private name. */
function usesContext(node: t.Node): boolean {
  switch (node.type) {
    case 'ThisExpression':
    case 'Super':
    case 'MetaProperty':
    case 'PrivateName':
      return true;
    case 'Identifier':
      return node.name === 'arguments';
    default:
      return false;
  }
}

/** The chain of a node's ancestors, as `memberPathRead` walks it up. */
function ancestryAt(ancestors: t.Node[], keys: (string | number)[], node: t.Node): Ancestry {
  return new Place(ancestors, keys, ancestors.length, node);
}

/** A node `depth` nodes below the program; `keys[depth - 1]` is the key its parent holds it under. */
class Place implements Ancestry {
  constructor(
    private readonly ancestors: t.Node[],
    private readonly keys: (string | number)[],
    private readonly depth: number,
    readonly node: t.Node,
  ) {}

  get type(): string {
    return this.node.type;
  }

  get key(): string | number | null {
    return this.depth > 0 ? this.keys[this.depth - 1] : null;
  }

  get parentPath(): Ancestry | null {
    return this.depth > 0 ? new Place(this.ancestors, this.keys, this.depth - 1, this.ancestors[this.depth - 1]) : null;
  }
}
