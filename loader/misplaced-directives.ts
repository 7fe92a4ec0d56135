/**
 * Directive strings that do nothing where they are, which JavaScript accepts without a word:
 *
 * - "use server" or "use client" after other statements, and "use client" inside a function, method,
 *   constructor, getter, setter, static block or block (it only ever marks a whole file): build errors;
 * - slips for either in a directive's place, the file's or a function's prologue: "use sever",
 *   "use client ", "use  server", "use action", ("use server") in parentheses. They are build errors
 *   too, unless the project chose warnings (the loader's `directiveTypos` option): a slip for
 *   "use server" at the top of a file leaves the file's code, server code included, in every client
 *   bundle that imports it.
 *
 * Strings anywhere else are code: `const s = "use sever"` is not looked at.
 */
import type { NodePath } from '@babel/core';
import type * as t from '@babel/types';
import type { Directive } from '../shared/module-record';
import { likelyDirective, normaliseDirective } from './directive-scan';
import type { LocatedProblem } from './located-error';
import type { DirectiveTypos } from './options';

export interface DirectiveReports {
  problems: LocatedProblem[];
  warnings: LocatedProblem[];
}

type Place = 'file' | 'function';

function locOf(node: t.Node): { line: number; column: number } {
  return { line: node.loc?.start.line ?? 1, column: node.loc?.start.column ?? 0 };
}

function isDirective(value: string): value is Directive {
  return value === 'use server' || value === 'use client';
}

/** A directive of the file's or a function's prologue. */
export function checkDirective(path: NodePath<t.Directive>, typos: DirectiveTypos, reports: DirectiveReports): void {
  const written = path.node.value.value;
  const place: Place = path.parentPath.isProgram() ? 'file' : 'function';
  if (written === 'use client' && place === 'function') reports.problems.push(clientDirectiveOutsideFile(path));
  else reportSlip(reports, typos, spellingSlip(written, place, path.node));
}

/** A string written as a statement: a directive out of place, or a slip where a directive would be. */
export function checkStringStatement(path: NodePath<t.ExpressionStatement>, typos: DirectiveTypos, reports: DirectiveReports): void {
  const { expression } = path.node;
  if (expression.type !== 'StringLiteral') return;
  const written = expression.value;
  const parenthesized = Boolean(expression.extra?.parenthesized);
  if (isDirective(written) && !parenthesized) {
    reports.problems.push(misplacedDirective(written, path));
    return;
  }
  const place = prologuePlace(path);
  if (!place) return;
  if (written === 'use client' && place === 'function') reports.problems.push(clientDirectiveOutsideFile(path));
  else if (isDirective(written)) reportSlip(reports, typos, parenthesizedSlip(written, place, path.node));
  else reportSlip(reports, typos, spellingSlip(written, place, path.node));
}

function reportSlip(reports: DirectiveReports, typos: DirectiveTypos, slip: LocatedProblem | null): void {
  if (slip) (typos === 'warning' ? reports.warnings : reports.problems).push(slip);
}

/**
 * Where a string statement stands where a directive would, or null: in the body of the file or of a
 * function, after nothing but other strings. JavaScript's prologue ends at the first string in
 * parentheses, but its author meant the strings after it as directives too.
 */
function prologuePlace(path: NodePath<t.ExpressionStatement>): Place | null {
  const parent = path.parentPath;
  let place: Place | null = null;
  if (parent.isProgram()) place = 'file';
  else if (parent.isBlockStatement() && parent.parentPath.isFunction()) place = 'function';
  if (!place || typeof path.key !== 'number') return null;
  const { body } = parent.node as t.Program | t.BlockStatement;
  for (let index = 0; index < path.key; index += 1) {
    const statement = body[index];
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'StringLiteral') return null;
  }
  return place;
}

const WHAT_IT_COSTS: Record<Directive, Record<Place, string>> = {
  'use server': {
    file: ': this file is not a "use server" file, and its code, server code included, goes into every client bundle that imports it',
    function: ': this function is not a server function',
  },
  'use client': {
    file: ': this file is not a "use client" file',
    function: '',
  },
};

function spellingSlip(written: string, place: Place, node: t.Node): LocatedProblem | null {
  const intended = likelyDirective(written);
  if (!intended) return null;
  const clientInFunction = intended === 'use client' && place === 'function';
  // Quoted as JSON: a string's escapes (a line break) must not break the message's first line.
  return {
    message:
      `${JSON.stringify(written)} is not a directive React knows, so it does nothing${WHAT_IT_COSTS[intended][place]}. Did you mean "${intended}"?` +
      (clientInFunction ? ' That one only means something as the first statement of a file.' : ''),
    fix: normaliseDirective(written).startsWith(`${intended} `) ? fixForMoreWords(intended, place) : fixForSlip(intended, place),
    loc: locOf(node),
  };
}

function fixForSlip(intended: Directive, place: Place): string {
  if (intended === 'use client' && place === 'function') return 'Write "use client" exactly, as the first statement of the file, not of a function.';
  return `Write it exactly as "${intended}".`;
}

// "use server only" and "use client-side" may mean the packages "server-only" and "client-only",
// which keep a module out of the other side's bundles and which a directive does not replace.
function fixForMoreWords(intended: Directive, place: Place): string {
  if (place === 'function') {
    if (intended === 'use client') return fixForSlip(intended, place);
    return 'Write "use server" if this function is to be called from the client; otherwise remove the string.';
  }
  if (intended === 'use server') {
    return 'Write "use server" if the exports of this file are server functions that clients call; to keep a module out of client bundles, write `import "server-only";` instead.';
  }
  return 'Write "use client" if this file runs in the browser; to keep a module out of server bundles, write `import "client-only";` instead.';
}

function parenthesizedSlip(written: Directive, place: Place, node: t.Node): LocatedProblem {
  const where = place === 'file' ? 'the file' : 'the function body';
  return {
    message: `("${written}") in parentheses is not a directive, so it does nothing${WHAT_IT_COSTS[written][place]}.`,
    fix: `Remove the parentheses: write "${written}"; alone, as the first statement of ${where}.`,
    loc: locOf(node),
  };
}

/** "use server" anywhere, "use client" in the file's body, after other statements. */
function misplacedDirective(directive: Directive, path: NodePath<t.ExpressionStatement>): LocatedProblem {
  if (directive === 'use client' && !path.parentPath.isProgram()) return clientDirectiveOutsideFile(path);
  const where = path.getFunctionParent() !== null ? 'its function body' : 'the file';
  return {
    message: `"${directive}" must be the first statement of ${where}; here it follows other code, so it is a plain string that does nothing.`,
    fix: `Move "${directive}" above every other statement of ${where} (comments may stay above it).`,
    loc: locOf(path.node),
  };
}

/** "use client" marks a whole file; inside anything else it means nothing. */
function clientDirectiveOutsideFile(path: NodePath<t.Directive | t.ExpressionStatement>): LocatedProblem {
  return {
    message: `"use client" must be the first statement of a file: inside a ${containerName(path)} it is a plain string that does nothing.`,
    fix: 'Move "use client" to the top of the file (comments may stay above it); to make only part of this file client code, move that part to a file of its own that starts with "use client".',
    loc: locOf(path.node),
  };
}

function containerName(path: NodePath): string {
  const container = path.findParent((parent) => parent.isFunction() || parent.isStaticBlock());
  if (!container) return 'block';
  if (container.isStaticBlock()) return 'class static block';
  const { node } = container;
  if (node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod' || node.type === 'ObjectMethod') {
    return { constructor: 'constructor', get: 'getter', set: 'setter', method: 'method' }[node.kind];
  }
  return 'function';
}
