/**
 * Finds the functions that carry their own "use server" directive, and checks each against what an
 * inline server function can be: an async function (declaration, expression, arrow, object method or
 * static class method with a public name) that does not use `this`, `arguments` or `super`. In the
 * same walk, reports the directive strings that do nothing where they are (misplaced-directives.ts):
 * after other statements, "use client" in a function, and slips such as "use sever".
 */
import type { NodePath, Visitor } from '@babel/core';
import { isFunction, VISITOR_KEYS } from '@babel/types';
import type * as t from '@babel/types';
import type { LocatedProblem } from './located-error';
import { checkDirective, checkStringStatement } from './misplaced-directives';
import type { DirectiveTypos } from './options';

export type InlineFunctionPath = NodePath<
  t.FunctionDeclaration | t.FunctionExpression | t.ArrowFunctionExpression | t.ObjectMethod | t.ClassMethod | t.ClassPrivateMethod
>;

export interface InlineDirectiveFindings {
  /** Functions with the directive, inner ones before the functions that contain them. */
  functions: InlineFunctionPath[];
  problems: LocatedProblem[];
  /** Slips for a directive, when the project reports them as warnings (`directiveTypos`). */
  warnings: LocatedProblem[];
}

function locOf(node: t.Node): { line: number; column: number } {
  return { line: node.loc?.start.line ?? 1, column: node.loc?.start.column ?? 0 };
}

export function hasUseServerDirective(node: t.Node): boolean {
  const body = (node as { body?: t.Node }).body;
  return body?.type === 'BlockStatement' && body.directives.some((d) => d.value.value === 'use server');
}

function useServerDirective(node: t.Node): t.Directive {
  return (node as { body: t.BlockStatement }).body.directives.find((d) => d.value.value === 'use server')!;
}

/** Where a function's "use server" directive is: what errors about the function point at. */
export function useServerDirectiveLoc(path: InlineFunctionPath): { line: number; column: number } {
  return locOf(useServerDirective(path.node));
}

/** One step down the syntax tree: the key of a child, and its index when the key holds a list. */
interface Step {
  key: string;
  index?: number;
}

/** What makes a path for a node below the program (see `findInlineDirectives`). */
type PathFactory = { get(options: object): NodePath };

/**
 * Walks a whole module (program prologue included) and collects the findings, in the order of Babel's
 * path walk (`program.traverse` with visitors for directives, expression statements and the exit of
 * functions), which this walk stood in for: a plain walk over the nodes, where Babel's builds a path
 * and a context for every node. The checks read paths, so a path is made for the few nodes they look
 * at (directives, statements that are a string, functions with "use server"), from the program down,
 * as Babel makes them: they are the paths its scope analysis made and cached, with their scopes.
 */
export function findInlineDirectives(program: NodePath<t.Program>, typos: DirectiveTypos): InlineDirectiveFindings {
  const findings: InlineDirectiveFindings = { functions: [], problems: [], warnings: [] };
  const steps: Step[] = [];
  // The class of the walk that made `program`: its paths and scopes are cached per class.
  const paths = program.constructor as unknown as PathFactory;
  const pathHere = (): NodePath => {
    let path: NodePath = program;
    for (const { key, index } of steps) {
      const parent = path.node as unknown as Record<string, unknown>;
      const container = parent[key];
      path = (
        index === undefined
          ? paths.get({ parentPath: path, parent, container: parent, key })
          : paths.get({ listKey: key, parentPath: path, parent, container, key: index })
      ).setContext(undefined as never);
    }
    return path;
  };
  const visit = (node: t.Node): void => {
    if (node.type === 'Directive') checkDirective(pathHere() as NodePath<t.Directive>, typos, findings);
    else if (node.type === 'ExpressionStatement' && node.expression.type === 'StringLiteral') {
      checkStringStatement(pathHere() as NodePath<t.ExpressionStatement>, typos, findings);
    }
    visitChildren(node);
    if (isFunction(node) && hasUseServerDirective(node)) {
      const path = pathHere() as InlineFunctionPath;
      const problems = checkInlineFunction(path);
      findings.problems.push(...problems);
      if (problems.length === 0) findings.functions.push(path);
    }
  };
  const visitChildren = (node: t.Node): void => {
    for (const key of VISITOR_KEYS[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (let index = 0; index < child.length; index += 1) {
          const item = child[index] as t.Node | null;
          if (!item) continue;
          steps.push({ key, index });
          visit(item);
          steps.pop();
        }
      } else if (child && typeof (child as t.Node).type === 'string') {
        steps.push({ key });
        visit(child as t.Node);
        steps.pop();
      }
    }
  };
  visitChildren(program.node);
  return findings;
}

/** The checks on one function with the directive; an empty list when it can be a server function. */
function checkInlineFunction(path: InlineFunctionPath): LocatedProblem[] {
  const { node } = path;
  const loc = useServerDirectiveLoc(path);
  const problems: LocatedProblem[] = [];
  const isMethod = node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod' || node.type === 'ObjectMethod';
  if (isMethod && node.kind !== 'method') {
    const what = node.kind === 'constructor' ? 'a constructor' : `a ${node.kind}ter`;
    problems.push({
      message: `A server function cannot be ${what}: "use server" is only allowed in async functions.`,
      fix: 'Move the code into an async function or a static async method, and mark that with "use server".',
      loc,
    });
    return problems;
  }
  if (node.type === 'ClassPrivateMethod' && node.static) {
    const name = `#${node.key.id.name}`;
    problems.push({
      message: `A private method cannot be a server function: only its class may call \`${name}\`, but a server function gets an ID that any browser holding its reference can call.`,
      fix: `Give it a public name (\`static async ${node.key.id.name}()\`) if the browser may call it; otherwise remove "use server" and keep it private.`,
      loc,
    });
    return problems;
  }
  if ((node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod') && !node.static) {
    problems.push({
      message: 'A class instance method cannot be a server function: it would need `this`, which does not travel to the server.',
      fix: 'Make it a `static async` method, or move it out of the class into an async function.',
      loc,
    });
    return problems;
  }
  if (node.generator) {
    problems.push({
      message: 'A server function cannot be a generator: it must be an async function that returns a promise.',
      fix: 'Remove the `*` and return the result instead of yielding it.',
      loc,
    });
  } else if (!node.async) {
    problems.push({
      message: 'A function with "use server" must be async: calling it from the client always returns a promise.',
      fix: 'Add `async` before the function.',
      loc,
    });
  }
  for (const use of contextUses(path)) problems.push(use);
  return problems;
}

/**
 * `this`, `arguments` and `super` of a server function would refer to the object or call it was made
 * from, which stay behind in the render that created it. Nested arrow functions share them; nested
 * ordinary functions and classes have their own.
 */
function contextUses(path: InlineFunctionPath): LocatedProblem[] {
  const state: ContextUseState = { fn: path, problems: [] };
  path.traverse(CONTEXT_USES, state);
  return state.problems;
}

interface ContextUseState {
  fn: InlineFunctionPath;
  problems: LocatedProblem[];
}

function reportContextUse(state: ContextUseState, node: t.Node, what: string): void {
  state.problems.push({
    message: `A server function cannot use \`${what}\`: it runs later, in another request, where the ${what === 'this' || what === 'super' ? 'original object' : 'original call'} does not exist.`,
    fix:
      what === 'arguments'
        ? 'Declare the parameters you need, or use a rest parameter (`...args`).'
        : 'Pass the values it needs as arguments, or read them in the component and let the function capture them.',
    loc: locOf(node),
  });
}

// One visitor for every function: Babel prepares ("explodes") a visitor object once, on its first walk.
const CONTEXT_USES: Visitor<ContextUseState> = {
  Function(inner) {
    if (!inner.isArrowFunctionExpression()) inner.skip();
  },
  Class(inner) {
    inner.skip();
  },
  ThisExpression(inner, state) {
    reportContextUse(state, inner.node, 'this');
  },
  Super(inner, state) {
    reportContextUse(state, inner.node, 'super');
  },
  MetaProperty(inner, state) {
    // In an arrow, `new.target` is the enclosing function's; hoisted to module level it is a syntax error.
    if (inner.node.meta.name === 'new' && state.fn.isArrowFunctionExpression()) reportContextUse(state, inner.node, 'new.target');
  },
  Identifier(inner, state) {
    // `hasBinding` counts `arguments` as always bound; only a declared one is a plain variable.
    if (inner.node.name === 'arguments' && inner.isReferencedIdentifier() && !inner.scope.getBinding('arguments')) {
      reportContextUse(state, inner.node, 'arguments');
    }
  },
  PrivateName(inner, state) {
    if (inner.parent === state.fn.node) return; // the method's own name
    state.problems.push({
      message: `A server function cannot use the private name \`#${inner.node.id.name}\`: it is moved out of the class, where private names do not exist.`,
      fix: 'Call a static method that is not a server function, or keep the private logic in a module-level function.',
      loc: locOf(inner.node),
    });
  },
};
