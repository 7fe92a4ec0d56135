/**
 * Server layer, module without a file directive: every function with its own "use server" becomes a
 * server function. It is hoisted to module level, exported under a generated name (its facade module,
 * facade-loader.ts, re-exports it for the manifest), registered under its own ID, and replaced where
 * it was by a reference bound to the values it captures.
 *
 * Input:
 *   import { db } from "./db";
 *   export default function Note({ id }) {
 *     async function deleteNote(formData) {
 *       "use server";
 *       await db.delete(id, formData);
 *     }
 *     return <DeleteButton action={deleteNote} />;
 *   }
 * Output:
 *   import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
 *   import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
 *   import { db } from "./db";
 *   export const $$deleteNote_3f9a0c1d = _registerServerReference(async function deleteNote(_captured, formData) {
 *     "use server";
 *     let [id] = await _openCapturedValues("<id>", _captured);
 *     await db.delete(id, formData);
 *   }, "<id>", null);
 *   export default function Note({ id }) {
 *     var deleteNote = $$deleteNote_3f9a0c1d.bind(null, _captureValues("<id>", "deleteNote", ["id"], () => [id]));
 *     return <DeleteButton action={deleteNote} />;
 *   }
 *
 * Captured values are read when React sends the reference (or when the server calls it directly), so
 * the function sees the variables as they are at the end of the render, as the closure would; they are
 * sealed (serialised and encrypted) for the trip through the browser and opened before the body runs.
 * Of a variable the function only reads members of, only those member paths are bound, and the
 * hoisted function rebuilds the variable from them (captured-values-code.ts).
 * A function declaration's binding is created at the top of its block, where the declaration was
 * hoisted to. A top-level function declaration stays where it is and is registered after it.
 */
import type { NodePath } from '@babel/core';
import * as t from '@babel/types';
import { inlineServerFunctionId } from '../shared/ids';
import type { InlineServerFunctionRecord } from '../shared/module-record';
import type { InlineFunctionPath } from './inline-directives';
import { capturedValueName, captureValuesCall, openingStatements } from './captured-values-code';
import { capturesOf, nameOf, scopePathOf, type Captures } from './inline-scope';

export const CAPTURED_VALUES_MODULE = 'webpack-server-actions/runtime/captured-values';

export interface HoistOptions {
  relativePath: string;
  salt: string;
}

interface Planned {
  path: InlineFunctionPath;
  record: InlineServerFunctionRecord;
  captures: Captures;
}

interface RuntimeNames {
  register: t.Identifier;
  capture: t.Identifier;
  open: t.Identifier;
  usesCaptures: boolean;
}

/** Hoists the functions (found by `findInlineDirectives`, inner ones first) and returns their records. */
export function hoistServerFunctions(
  program: NodePath<t.Program>,
  functions: InlineFunctionPath[],
  options: HoistOptions,
): InlineServerFunctionRecord[] {
  const planned = plan(program, functions, options);
  const names: RuntimeNames = {
    register: program.scope.generateUidIdentifier('registerServerReference'),
    capture: program.scope.generateUidIdentifier('captureValues'),
    open: program.scope.generateUidIdentifier('openCapturedValues'),
    usesCaptures: planned.some((item) => item.captures.names.length > 0),
  };
  const exportedInPlace: t.ExportSpecifier[] = [];
  for (const item of planned) {
    if (isTopLevelDeclaration(item.path)) exportedInPlace.push(registerInPlace(item, names));
    else hoist(item, names);
  }
  if (exportedInPlace.length > 0) program.pushContainer('body', t.exportNamedDeclaration(null, exportedInPlace));
  program.unshiftContainer('body', runtimeImports(names));
  return planned.map((item) => item.record).sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Names, IDs and captures, all read before anything moves. */
function plan(program: NodePath<t.Program>, functions: InlineFunctionPath[], options: HoistOptions): Planned[] {
  const inSourceOrder = [...functions].sort((a, b) => a.node.start! - b.node.start!);
  const seen = new Map<string, number>();
  const scopePaths = new Map<InlineFunctionPath, string>();
  for (const path of inSourceOrder) {
    const scopePath = scopePathOf(path);
    const count = (seen.get(scopePath) ?? 0) + 1;
    seen.set(scopePath, count);
    scopePaths.set(path, count === 1 ? scopePath : `${scopePath} #${count}`);
  }
  const taken = new Set<string>();
  return functions.map((path) => {
    const captures = capturesOf(path);
    const captured = captures.values.map(capturedValueName);
    const id = inlineServerFunctionId(options.relativePath, scopePaths.get(path)!, options.salt, captured);
    const name = nameOf(path);
    const loc = path.node.loc!.start;
    const record = { id, exportName: exportNameFor(program, name, id, taken), name, line: loc.line, column: loc.column + 1 };
    return { path, record, captures };
  });
}

function exportNameFor(program: NodePath<t.Program>, name: string, id: string, taken: Set<string>): string {
  const base = `$$${name.replace(/[^A-Za-z0-9_$]+/g, '_').replace(/^_+|_+$/g, '') || 'anonymous'}_${id.slice(0, 8)}`;
  let candidate = base;
  for (let index = 2; taken.has(candidate) || program.scope.hasBinding(candidate); index += 1) candidate = `${base}_${index}`;
  taken.add(candidate);
  return candidate;
}

function isTopLevelDeclaration(path: InlineFunctionPath): path is NodePath<t.FunctionDeclaration> {
  if (!path.isFunctionDeclaration() || !path.node.id) return false;
  const parent = path.parentPath;
  return parent.isProgram() || ((parent.isExportNamedDeclaration() || parent.isExportDefaultDeclaration()) && parent.parentPath.isProgram());
}

function registerCall(names: RuntimeNames, fn: t.Expression, id: string): t.CallExpression {
  return t.callExpression(t.cloneNode(names.register), [fn, t.stringLiteral(id), t.nullLiteral()]);
}

/** A top-level declaration has no captures: register the function itself, right after it. */
function registerInPlace(item: Planned, names: RuntimeNames): t.ExportSpecifier {
  const path = item.path as NodePath<t.FunctionDeclaration>;
  const local = path.node.id!.name;
  const statement = path.parentPath.isProgram() ? path : path.parentPath;
  statement.insertAfter(t.expressionStatement(registerCall(names, t.identifier(local), item.record.id)));
  return t.exportSpecifier(t.identifier(local), t.identifier(item.record.exportName));
}

function hoist(item: Planned, names: RuntimeNames): void {
  const { path, record, captures } = item;
  const fn = hoistedFunction(item, names);
  const declaration = t.exportNamedDeclaration(
    t.variableDeclaration('const', [t.variableDeclarator(t.identifier(record.exportName), registerCall(names, fn, record.id))]),
  );
  // Before the top-level statement that holds the function, so that it exists when that statement runs.
  const statement = path.find((ancestor) => ancestor.parentPath?.isProgram() ?? false)!;
  statement.insertBefore(declaration);
  replaceWithReference(path, reference(record, captures, names));
}

/** The reference that replaces the function: bound to its captured values, if it has any. */
function reference(record: InlineServerFunctionRecord, captures: Captures, names: RuntimeNames): t.Expression {
  const hoisted = t.identifier(record.exportName);
  if (captures.names.length === 0) return hoisted;
  const sealed = captureValuesCall(names.capture, record.id, record.name, captures);
  return t.callExpression(t.memberExpression(hoisted, t.identifier('bind')), [t.nullLiteral(), sealed]);
}

function replaceWithReference(path: InlineFunctionPath, ref: t.Expression): void {
  const { node } = path;
  if (node.type === 'ObjectMethod') {
    const { key, computed } = propertyKey(node, '__proto__');
    path.replaceWith(t.objectProperty(key, ref, computed));
  } else if (node.type === 'ClassMethod') {
    const { key, computed } = propertyKey(node, 'constructor');
    path.replaceWith(t.classProperty(key, ref, null, null, computed, true));
  } else if (node.type === 'ClassPrivateMethod') {
    // Not reached: inline-directives.ts rejects private methods.
    path.replaceWith(t.classPrivateProperty(node.key, ref, null, true));
  } else if (node.type === 'FunctionDeclaration') {
    replaceDeclaration(path as NodePath<t.FunctionDeclaration>, ref);
  } else {
    path.replaceWith(ref);
  }
}

/**
 * A method's key as the key of the property that replaces it. One name means something else there:
 * `__proto__: ref` sets an object's prototype, and a class field may not be named `constructor` (a
 * SyntaxError, where a static method may). As a computed key (`["__proto__"]`) it names the property.
 */
function propertyKey(node: t.ObjectMethod | t.ClassMethod, reserved: string): { key: t.Expression; computed: boolean } {
  const { key } = node;
  const name = key.type === 'Identifier' ? key.name : key.type === 'StringLiteral' ? key.value : null;
  if (!node.computed && name === reserved) return { key: t.stringLiteral(reserved), computed: true };
  return { key: key as t.Expression, computed: node.computed };
}

/**
 * A function declaration is usable anywhere in its block, before its own line too: its binding is
 * created at the top of the block (`var` in a function body, `let` in a nested block), which is safe
 * because captured values are only read later.
 */
const bindingsPlaced = new WeakMap<t.Node, number>();

// The names bound so far in each block: the scope does not learn of bindings inserted as code moves.
const namesBound = new WeakMap<t.Node, Set<string>>();

function namesBoundIn(block: t.Node): Set<string> {
  let names = namesBound.get(block);
  if (!names) namesBound.set(block, (names = new Set()));
  return names;
}

function replaceDeclaration(path: NodePath<t.FunctionDeclaration>, ref: t.Expression): void {
  const block = path.parentPath;
  if (block.isExportDefaultDeclaration() || !path.node.id) {
    path.replaceWith(ref);
    return;
  }
  const id = t.identifier(path.node.id.name);
  if (block.isBlockStatement() || block.isStaticBlock()) {
    // A function body or a class static block is a `var` scope: a declaration there is var-like.
    const kind = block.parentPath?.isFunction() || block.isStaticBlock() ? 'var' : 'let';
    const binding = t.variableDeclaration(kind, [t.variableDeclarator(id, ref)]);
    binding.loc = path.node.loc;
    path.remove();
    // After the bindings made for earlier declarations of the block, so that they keep their order.
    const statements = block as NodePath<t.BlockStatement>;
    const placed = bindingsPlaced.get(block.node) ?? 0;
    if (placed === 0) statements.unshiftContainer('body', binding);
    else statements.get('body')[placed - 1].insertAfter(binding);
    bindingsPlaced.set(block.node, placed + 1);
    namesBoundIn(block.node).add(id.name);
    return;
  }
  const binding = t.variableDeclaration('let', [t.variableDeclarator(id, ref)]);
  // In a `switch`, a declaration is usable in every case: bind it just before the switch, unless
  // that would clash with a name of the enclosing block.
  const switchStatement = block.isSwitchCase() ? block.parentPath : null;
  const enclosing = switchStatement?.parentPath;
  if (switchStatement && !enclosing!.scope.hasOwnBinding(id.name) && !namesBoundIn(enclosing!.node).has(id.name)) {
    path.remove();
    switchStatement.insertBefore(binding);
    namesBoundIn(enclosing!.node).add(id.name);
    return;
  }
  path.replaceWith(binding);
}

type Params = t.FunctionExpression['params'];

/** The function as it lives at module level: captured values first, opened before the body runs. */
function hoistedFunction(item: Planned, names: RuntimeNames): t.FunctionExpression | t.ArrowFunctionExpression {
  const { path, record, captures } = item;
  const { node } = path;
  const body = node.body as t.BlockStatement;
  const { params, prologue, sealed } =
    captures.names.length > 0
      ? openingPrologue(item, names)
      : { params: node.params as Params, prologue: [] as t.Statement[], sealed: null };
  if (captures.selfName) {
    // The function's own name inside it means the reference, bound to the same captured values.
    const hoisted = t.identifier(record.exportName);
    const self = sealed ? t.callExpression(t.memberExpression(hoisted, t.identifier('bind')), [t.nullLiteral(), t.cloneNode(sealed)]) : hoisted;
    prologue.unshift(t.variableDeclaration('const', [t.variableDeclarator(t.identifier(captures.selfName), self)]));
  }
  const newBody = t.blockStatement([...prologue, ...body.body], body.directives);
  if (node.type === 'ArrowFunctionExpression') return t.arrowFunctionExpression(params, newBody, true);
  const id = node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' ? node.id : functionNameFromKey(node);
  const hoisted = t.functionExpression(id ? t.identifier(id.name) : null, params, newBody, false, true);
  hoisted.loc = node.loc;
  return hoisted;
}

/**
 * The sealed values as first parameter, and the statement that opens them into the captured names.
 * Parameters whose default values or patterns read captured names are bound after that statement.
 */
function openingPrologue(item: Planned, names: RuntimeNames): { params: Params; prologue: t.Statement[]; sealed: t.Identifier } {
  const { path, record, captures } = item;
  // A captured name that the body declares again (the parameters read the outer one): the body's own
  // gets a fresh name, since both now live in the function's scope.
  for (const name of captures.names) if (path.scope.hasOwnBinding(name)) path.scope.rename(name);
  const sealed = path.scope.generateUidIdentifier('captured');
  const opened = t.awaitExpression(t.callExpression(t.cloneNode(names.open), [t.stringLiteral(record.id), t.cloneNode(sealed)]));
  const prologue = openingStatements(captures, opened);
  const params = path.node.params as Params;
  if (!captures.paramsReadCaptures) return { params: [sealed, ...params], prologue, sealed };
  const args = path.scope.generateUidIdentifier('args');
  const pattern = t.arrayPattern(params.map(withoutTypes) as t.PatternLike[]);
  prologue.push(t.variableDeclaration('var', [t.variableDeclarator(pattern, t.cloneNode(args))]));
  return { params: [sealed, t.restElement(args)], prologue, sealed };
}

function functionNameFromKey(node: t.ObjectMethod | t.ClassMethod | t.ClassPrivateMethod): t.Identifier | null {
  if (node.type === 'ClassPrivateMethod' || node.computed || node.key.type !== 'Identifier') return null;
  return t.identifier(node.key.name);
}

function withoutTypes(param: t.Node): t.Node {
  const clone = t.cloneNode(param, true);
  t.traverseFast(clone, (node) => {
    if ('typeAnnotation' in node) (node as { typeAnnotation?: unknown }).typeAnnotation = null;
    if ('optional' in node) (node as { optional?: unknown }).optional = null;
  });
  if (clone.type === 'TSParameterProperty') return clone.parameter;
  return clone;
}

function runtimeImports(names: RuntimeNames): t.ImportDeclaration[] {
  const imports = [
    t.importDeclaration(
      [t.importSpecifier(t.cloneNode(names.register), t.identifier('registerServerReference'))],
      t.stringLiteral('react-server-dom-webpack/server'),
    ),
  ];
  if (names.usesCaptures) {
    imports.push(
      t.importDeclaration(
        [
          t.importSpecifier(t.cloneNode(names.capture), t.identifier('captureValues')),
          t.importSpecifier(t.cloneNode(names.open), t.identifier('openCapturedValues')),
        ],
        t.stringLiteral(CAPTURED_VALUES_MODULE),
      ),
    );
  }
  return imports;
}
