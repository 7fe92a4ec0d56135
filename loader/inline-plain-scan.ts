/**
 * One walk over the plain nodes of a server component that finds its inline "use server" functions
 * and what each captures: the same findings as Babel's path walk (inline-directives.ts) and scope
 * analysis (inline-scope.ts), without the NodePaths and scopes, which cost several times the parse.
 *
 * The walk keeps its own scopes, made as Babel makes them (plain-scopes.ts), and resolves every
 * reference once, after the walk, as Babel's scope analysis does. A use counts for each function with
 * "use server" around it whose scope lies inside the variable's: a function's captures (plain-captures.ts)
 * come from that one walk however deep functions nest, where asking Babel walks each function's body
 * again.
 *
 * It covers what server components are made of. Whatever it does not model returns null, and the
 * caller runs Babel's walk instead, whose answer is the reference: a directive or a string statement
 * that may be misplaced or misspelled, a function with a problem, classes around a function,
 * TypeScript declarations inside functions, a captured name declared twice or again in the function.
 */
import * as babelTypes from '@babel/types';
import type * as t from '@babel/types';
import { MEMBER_PATH_PARENTS, memberPathRead, type Ancestry, type MemberPath } from './captured-member-paths';
import { likelyDirective } from './directive-scan';
import { hasUseServerDirective } from './inline-directives';
import type { Captures } from './inline-scope';
import { capturesOf, type PlainInlineFunction, type Use } from './plain-captures';
import { declare, DECLARING, FUNCTIONS, resolve, scopeOpenedBy, unmodelled, Unmodelled, type Scope } from './plain-scopes';

export type { PlainInlineFunction } from './plain-captures';

// Read once: each named import of @babel/types is a getter, which costs on every call of a walk.
const { getAssignmentIdentifiers, isReferenced, isTSType, react, VISITOR_KEYS } = babelTypes;

/** TypeScript nodes that are expressions with a type beside them: the expression is walked. */
const TS_EXPRESSIONS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'TSInstantiationExpression']);
/** Types: nothing in them is a value (Babel's captures leave out what they find in them). */
const TYPE_NODES = new Set(['TSTypeAnnotation', 'TypeAnnotation', 'TSTypeParameterDeclaration', 'TSTypeParameterInstantiation']);
/** Declarations of types only: skipped at module level. */
const TYPE_DECLARATIONS = new Set(['TSTypeAliasDeclaration', 'TSInterfaceDeclaration', 'TSDeclareFunction']);

export interface PlainScan {
  /** Inner functions before the ones that contain them, as `findInlineDirectives` lists them. */
  functions: PlainInlineFunction[];
  captures: Map<PlainInlineFunction, Captures>;
}

/** A use found by the walk, resolved once the walk has seen every declaration. */
interface Pending extends Use {
  name: string;
  scope: Scope;
  inside: PlainInlineFunction;
}

/** The scan, or null where Babel's walk must answer (see the top of this file). */
export function scanOnPlainNodes(program: t.Program): PlainScan | null {
  try {
    return new PlainWalk(program).scan();
  } catch (error) {
    // Out of stack (a module nested hundreds of levels deep): Babel's walk then says what it always said.
    if (error instanceof Unmodelled || error instanceof RangeError) return null;
    throw error;
  }
}

class PlainWalk {
  private readonly functions: PlainInlineFunction[] = [];
  private readonly pending: Pending[] = [];
  /** The nodes above the one visited, the program first, and the key each holds the next under. */
  private readonly ancestors: t.Node[] = [];
  private readonly keys: (string | number)[] = [];
  private readonly root: Scope;
  /** The innermost function with "use server" around the node visited. */
  private inside: PlainInlineFunction | null = null;
  private functionDepth = 0;
  /**
   * Whether `this`, `arguments` or `super` here would be those of a function with "use server": no
   * function other than an arrow, and no class, between it and here.
   */
  private sharesSiteContext = false;

  constructor(private readonly program: t.Program) {
    this.root = { node: program, parent: null, depth: 0, bindings: null };
  }

  scan(): PlainScan {
    const { program } = this;
    for (const directive of program.directives) if (likelyDirective(directive.value.value) !== null) unmodelled();
    this.ancestors.push(program);
    for (let index = 0; index < program.body.length; index += 1) {
      this.keys.push(index);
      this.visit(program.body[index], this.root);
      this.keys.pop();
    }
    this.ancestors.pop();
    this.resolveUses();
    const captures = new Map<PlainInlineFunction, Captures>();
    for (const site of this.functions) captures.set(site, capturesOf(site));
    return { functions: this.functions, captures };
  }

  private visit(node: t.Node, scope: Scope): void {
    const { ancestors } = this;
    const parent = ancestors[ancestors.length - 1];
    if (!this.modelled(node, parent)) return;
    const { type } = node;
    const own = scopeOpenedBy(node, parent, scope);
    const here = own ?? scope;
    if (DECLARING.has(type)) declare(node, scope, own);
    if (this.inside) this.recordUses(node, parent, here);

    const fn = FUNCTIONS.has(type);
    const site = fn && hasUseServerDirective(node) ? this.enterSite(node, here) : null;
    const sharedContext = this.sharesSiteContext;
    if (site) this.sharesSiteContext = true;
    else if ((fn && type !== 'ArrowFunctionExpression') || type === 'ClassDeclaration' || type === 'ClassExpression') this.sharesSiteContext = false;
    else if (this.sharesSiteContext && usesContext(node)) unmodelled();
    if (fn) this.functionDepth += 1;
    ancestors.push(node);
    this.visitChildren(node, own ? scope : null, here);
    ancestors.pop();
    if (fn) this.functionDepth -= 1;
    this.sharesSiteContext = sharedContext;
    if (site) {
      this.inside = site.outer;
      this.functions.push(site);
    }
  }

  /** False for a subtree of types only; throws for what Babel's walk must look at. */
  private modelled(node: t.Node, parent: t.Node): boolean {
    const { type } = node;
    if (type.charCodeAt(0) === 84 /* T */ && !TS_EXPRESSIONS.has(type)) {
      if (TYPE_NODES.has(type) || isTSType(node)) return false;
      if (type.startsWith('TS')) {
        if (this.functionDepth === 0 && TYPE_DECLARATIONS.has(type)) return false;
        unmodelled();
      }
    }
    if (type === 'Directive') {
      const written = (node as t.Directive).value.value;
      if (likelyDirective(written) !== null || (written === 'use client' && parent.type !== 'Program')) unmodelled();
      return false;
    }
    if (type === 'ExpressionStatement' && (node as t.ExpressionStatement).expression.type === 'StringLiteral') unmodelled();
    return true;
  }

  /** References and writes, inside a function with "use server"; `here`: the node's own scope, or the one around it. */
  private recordUses(node: t.Node, parent: t.Node, here: Scope): void {
    const { ancestors } = this;
    switch (node.type) {
      case 'Identifier':
        if (isReferenced(node, parent, ancestors[ancestors.length - 2])) {
          // Elsewhere a reference reads the variable whole: no chain of ancestors to make.
          const read = MEMBER_PATH_PARENTS.has(parent.type) ? memberPathRead(new Place(ancestors, this.keys, ancestors.length, node)) : [];
          this.record(node.name, here, node, false, read);
        }
        break;
      case 'JSXIdentifier':
        if ((parent.type === 'JSXMemberExpression' || !react.isCompatTag(node.name)) && isReferenced(node, parent, ancestors[ancestors.length - 2])) {
          this.record(node.name, here, node, false, []);
        }
        break;
      case 'AssignmentExpression':
      case 'UpdateExpression':
        this.recordWrites(node, here);
        break;
      case 'UnaryExpression':
        if (node.operator === 'delete') this.recordWrites(node, here);
        break;
      case 'ForInStatement':
      case 'ForOfStatement':
        // Babel asks the loop's own scope.
        if (node.left.type !== 'VariableDeclaration') this.recordWrites(node, here);
        break;
      default:
        break;
    }
  }

  private record(name: string, scope: Scope, node: t.Node, writes: boolean, keys: MemberPath): void {
    this.pending.push({ name, scope, inside: this.inside!, start: node.start!, end: node.end!, writes, keys });
  }

  private recordWrites(node: t.Node, scope: Scope): void {
    for (const name of Object.keys(getAssignmentIdentifiers(node))) this.record(name, scope, node, true, []);
  }

  private enterSite(node: t.Node, scope: Scope): PlainInlineFunction {
    checkFunction(node);
    if (this.ancestors.some((ancestor) => ancestor.type === 'ClassBody')) unmodelled();
    const site: PlainInlineFunction = {
      node: node as PlainInlineFunction['node'],
      ancestors: [...this.ancestors],
      scope,
      outer: this.inside,
      uses: new Map(),
      usesOwnName: false,
    };
    this.inside = site;
    return site;
  }

  /** `around`: the scope around a node that opens one (its method key and a switch's discriminant are read there). */
  private visitChildren(node: t.Node, around: Scope | null, here: Scope): void {
    const { type } = node;
    const isMethod = type === 'ObjectMethod' || type === 'ClassMethod' || type === 'ClassPrivateMethod';
    for (const key of VISITOR_KEYS[type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      const outside = around && ((isMethod && (key === 'key' || key === 'decorators')) || (type === 'SwitchStatement' && key === 'discriminant'));
      const scope = outside ? around : here;
      if (Array.isArray(child)) {
        for (let index = 0; index < child.length; index += 1) {
          const item = child[index] as t.Node | null;
          if (!item) continue;
          this.keys.push(index);
          this.visit(item, scope);
          this.keys.pop();
        }
      } else if (child && typeof (child as t.Node).type === 'string') {
        this.keys.push(key);
        this.visit(child as t.Node, scope);
        this.keys.pop();
      }
    }
  }

  /** Each use to its binding; it counts for the functions around it that lie inside the binding's scope. */
  private resolveUses(): void {
    const siteOf = new Map<t.Node, PlainInlineFunction>(this.functions.map((site) => [site.node, site]));
    for (const use of this.pending) {
      const binding = resolve(use.scope, use.name);
      if (!binding || binding.scope === this.root) continue;
      const named = siteOf.get(binding.declaration);
      if (named && binding.scope === named.scope) named.usesOwnName = true;
      for (let site: PlainInlineFunction | null = use.inside; site && binding.scope.depth < site.scope.depth; site = site.outer) {
        const uses = site.uses.get(binding);
        if (uses) uses.push(use);
        else site.uses.set(binding, [use]);
      }
    }
  }
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

/** A node `depth` nodes below the program, as `memberPathRead` walks up from it; `keys[depth - 1]`: the key its parent holds it under. */
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
