/**
 * What an inline server function captures, from the uses the walk over plain nodes gathered for it
 * (inline-plain-scan.ts): the same names, values, self name and parameter reads as `capturesOf` in
 * inline-scope.ts finds through Babel's bindings.
 */
import type * as t from '@babel/types';
import { pathsToBind, type MemberPath } from './captured-member-paths';
import type { Captures } from './inline-scope';
import { unmodelled, type Binding, type Scope } from './plain-scopes';

/** A function with "use server", as the hoisting needs it. */
export interface PlainInlineFunction {
  node: t.FunctionDeclaration | t.FunctionExpression | t.ArrowFunctionExpression | t.ObjectMethod;
  /** The nodes above it, the program first. */
  ancestors: t.Node[];
  scope: Scope;
  /** The next function with "use server" around this one. */
  outer: PlainInlineFunction | null;
  /** The uses inside it of the bindings of scopes between it and the module. */
  uses: Map<Binding, Use[]>;
  /** Whether a reference inside it resolves to a function expression's own name. */
  usesOwnName: boolean;
}

export interface Use {
  start: number;
  end: number;
  /** An assignment, update or loop target: the variable is then bound whole. */
  writes: boolean;
  keys: MemberPath;
}

/** The name a binding gives the function itself (as in inline-scope.ts). */
function selfBindingName(binding: Binding, fn: t.Node): string | null {
  const node = binding.declaration;
  if (node === fn) return binding.identifier.name;
  if (node.type === 'VariableDeclarator' && node.init === fn && node.id.type === 'Identifier') return node.id.name;
  return null;
}

/** The bindings it captures, one per name, and the name it refers to itself by. */
function capturedBindings(site: PlainInlineFunction): { captured: Binding[]; selfName: string | null } {
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
    if (own && (own.declaration !== node || own.redeclared)) unmodelled();
    if (own && site.usesOwnName) selfName = node.id.name;
  }
  const captured = [...byName.values()].sort((a, b) => a.identifier.start! - b.identifier.start!);
  // Declared again in the function: Babel's hoisting renames the function's own, which is left to it.
  for (const binding of captured) if (site.scope.bindings?.has(binding.name)) unmodelled();
  return { captured, selfName };
}

export function capturesOf(site: PlainInlineFunction): Captures {
  const { captured, selfName } = capturedBindings(site);
  const { params } = site.node;
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
