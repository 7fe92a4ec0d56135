/**
 * Whether Babel's path walk over a module (`scanInlineDirectives`) can find or throw anything, decided
 * in one `traverseFast` over the syntax tree, without the walk's NodePaths and scopes (which cost
 * several times the parse: on a "use server" file, most of the transform).
 *
 * The walk finds three things (inline-directives.ts): a directive that is a slip for "use server" or
 * "use client", a function with a "use server" or "use client" directive of its own, and a directive
 * string, or a slip for one, written as a plain statement (after other statements, or in parentheses).
 * It also throws when its scope tracker sees a name declared twice in one scope:
 * the parser rejects every such module first, except in TypeScript, where an import and another
 * declaration of the same name get through (the import could be of a type). When none of these can be
 * there, the walk's findings are known: none. When it cannot throw, the server layer may run it inside
 * the hoisting transform instead of before it (transform.ts), which saves a second walk.
 */
import { getBindingIdentifiers, isDeclaration, traverseFast } from '@babel/types';
import type * as t from '@babel/types';
import { likelyDirective } from './directive-scan';

// The declaration inside an export is visited on its own: counting the export too would count it twice.
const EXPORT_WRAPPERS = new Set(['ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration']);

function isDirectiveStatement(node: t.Node): boolean {
  if (node.type !== 'ExpressionStatement' || node.expression.type !== 'StringLiteral') return false;
  const { value } = node.expression;
  return value === 'use server' || value === 'use client' || likelyDirective(value) !== null;
}

export interface InlineScanOutlook {
  /** Whether the walk may find anything. */
  mayFind: boolean;
  /** Whether its scope tracker may throw for a name declared twice in one scope (TypeScript only). */
  mayThrow: boolean;
}

/** What Babel's walk over the module may find or throw (see the top of this file). */
export function inlineScanOutlook(ast: t.File, typescript: boolean): InlineScanOutlook {
  const fileDirectives = new Set<t.Node>(ast.program.directives);
  const imported: string[] = [];
  const declarations = new Map<string, number>();
  let mayFind = false;
  traverseFast(ast.program, (node) => {
    if (node.type === 'Directive') {
      const written = node.value.value;
      const directive = written === 'use server' || written === 'use client';
      if (likelyDirective(written) || (directive && !fileDirectives.has(node))) mayFind = true;
    } else if (isDirectiveStatement(node)) {
      mayFind = true;
    } else if (typescript && isDeclaration(node) && !EXPORT_WRAPPERS.has(node.type)) {
      // Names declared anywhere, scopes merged: a superset of the names declared twice in one scope.
      for (const [name, ids] of Object.entries(getBindingIdentifiers(node, true, true))) {
        declarations.set(name, (declarations.get(name) ?? 0) + ids.length);
        if (node.type === 'ImportDeclaration' || node.type === 'TSImportEqualsDeclaration') imported.push(name);
      }
    }
    return mayFind && !typescript ? traverseFast.stop : undefined;
  });
  return { mayFind, mayThrow: imported.some((name) => declarations.get(name)! > 1) };
}
