/**
 * The hoisting of hoist-server-functions.ts (read it for the input and output), done by editing the
 * nodes that inline-plain-scan.ts found, without Babel's paths: the same code, node for node, and the
 * same comments moved where Babel's `replaceWith` and `remove` move them, so that the printed code and
 * source map are those of the path version.
 *
 * Babel's scope makes the generated names (`_registerServerReference`, `_captured2`); here they are
 * made in the same sequence, which holds when nothing in the module bears such a name: a module whose
 * text holds one goes through the path version (`canHoistOnNodes`).
 */
import { addComments, inheritsComments, isFunction, removeComments, VISITOR_KEYS } from '@babel/types';
import type * as t from '@babel/types';
import { build } from './babel-builders';
import { inlineServerFunctionId } from '../shared/ids';
import type { InlineServerFunctionRecord } from '../shared/module-record';
import { capturedValueName } from './captured-values-code';
import {
  exportNameBase,
  moduleLevelFunction,
  propertyKey,
  reference,
  registerCall,
  runtimeImports,
  type HoistOptions,
  type RuntimeNames,
} from './hoist-server-functions';
import type { PlainInlineFunction, PlainScan } from './inline-plain-scan';
import { nameFrom, scopePathFrom, type Captures } from './inline-scope';

// Babel makes `_captured`, `_captured2`, …; a module that writes one of these (or `$$` of the export
// names) is left to it, which knows every name of the module.
const GENERATED_NAMES = /_(registerServerReference|captureValues|openCapturedValues|captured|args)|\$\$/;

interface Planned {
  site: PlainInlineFunction;
  record: InlineServerFunctionRecord;
  captures: Captures;
}

/** Whether the module can be hoisted here: the generated names cannot clash, and every function's place is modelled. */
export function canHoistOnNodes(source: string, functions: PlainInlineFunction[]): boolean {
  if (GENERATED_NAMES.test(source)) return false;
  return functions.every(({ node, ancestors }) => {
    if (node.type !== 'FunctionDeclaration') return true;
    const parent = ancestors[ancestors.length - 1];
    return parent.type === 'Program' || parent.type === 'BlockStatement' || parent.type === 'ExportNamedDeclaration' || parent.type === 'ExportDefaultDeclaration';
  });
}

/** Whether a function sits inside another (as `isNested` in inline-transform.ts asks Babel's paths). */
export function isNestedSite(site: PlainInlineFunction): boolean {
  return site.ancestors.slice(0, -1).some((ancestor) => isFunction(ancestor));
}

/** The names Babel's `generateUid` gives, in its order: `_name`, `_name2` … `_name9`, `_name0`, `_name1`, `_name10` … */
function uidMaker(): (name: string) => t.Identifier {
  const taken = new Set<string>();
  return (name) => {
    let uid: string;
    let i = 0;
    do {
      uid = `_${name}`;
      if (i >= 11) uid += i - 1;
      else if (i >= 9) uid += i - 9;
      else if (i >= 1) uid += i + 1;
      i += 1;
    } while (taken.has(uid));
    taken.add(uid);
    return build.identifier(uid);
  };
}

export function hoistOnNodes(program: t.Program, scan: PlainScan, functions: PlainInlineFunction[], options: HoistOptions): InlineServerFunctionRecord[] {
  const uid = uidMaker();
  const planned = plan(scan, functions, options);
  const names: RuntimeNames = {
    register: uid('registerServerReference'),
    capture: uid('captureValues'),
    open: uid('openCapturedValues'),
    usesCaptures: planned.some((item) => item.captures.names.length > 0),
  };
  const edits = new BlockEdits();
  const exportedInPlace: t.ExportSpecifier[] = [];
  for (const item of planned) {
    if (isTopLevelDeclaration(item.site)) exportedInPlace.push(registerInPlace(program, item, names));
    else hoist(program, item, names, uid, edits);
  }
  if (exportedInPlace.length > 0) program.body.push(build.exportNamedDeclaration(null, exportedInPlace));
  program.body.unshift(...runtimeImports(names));
  return planned.map((item) => item.record).sort((a, b) => a.line - b.line || a.column - b.column);
}

function parentOf(site: PlainInlineFunction): t.Node {
  return site.ancestors[site.ancestors.length - 1];
}

function plan(scan: PlainScan, functions: PlainInlineFunction[], options: HoistOptions): Planned[] {
  const inSourceOrder = [...functions].sort((a, b) => a.node.start! - b.node.start!);
  const seen = new Map<string, number>();
  const scopePaths = new Map<PlainInlineFunction, string>();
  for (const site of inSourceOrder) {
    const scopePath = scopePathFrom(site.node, site.ancestors);
    const count = (seen.get(scopePath) ?? 0) + 1;
    seen.set(scopePath, count);
    scopePaths.set(site, count === 1 ? scopePath : `${scopePath} #${count}`);
  }
  const taken = new Set<string>();
  return functions.map((site) => {
    const captures = scan.captures.get(site)!;
    const id = inlineServerFunctionId(options.relativePath, scopePaths.get(site)!, options.salt, captures.values.map(capturedValueName));
    const name = nameFrom(site.node, parentOf(site), site.ancestors[site.ancestors.length - 2]);
    const loc = site.node.loc!.start;
    const record = { id, exportName: exportNameFor(name, id, taken), name, line: loc.line, column: loc.column + 1 };
    return { site, record, captures };
  });
}

function exportNameFor(name: string, id: string, taken: Set<string>): string {
  const base = exportNameBase(name, id);
  let candidate = base;
  for (let index = 2; taken.has(candidate); index += 1) candidate = `${base}_${index}`;
  taken.add(candidate);
  return candidate;
}

function isTopLevelDeclaration({ node, ancestors }: PlainInlineFunction): boolean {
  if (node.type !== 'FunctionDeclaration' || !node.id) return false;
  const parent = ancestors[ancestors.length - 1];
  return parent.type === 'Program' || ((parent.type === 'ExportNamedDeclaration' || parent.type === 'ExportDefaultDeclaration') && ancestors.length === 2);
}

/** The statement of the module that holds the function (the function itself at top level). */
function topLevelStatement(site: PlainInlineFunction): t.Statement {
  return (site.ancestors[1] ?? site.node) as t.Statement;
}

function registerInPlace(program: t.Program, item: Planned, names: RuntimeNames): t.ExportSpecifier {
  const node = item.site.node as t.FunctionDeclaration;
  const local = node.id!.name;
  const statement = topLevelStatement(item.site);
  program.body.splice(program.body.indexOf(statement) + 1, 0, build.expressionStatement(registerCall(names, build.identifier(local), item.record.id)));
  return build.exportSpecifier(build.identifier(local), build.identifier(item.record.exportName));
}

function hoist(program: t.Program, item: Planned, names: RuntimeNames, uid: (name: string) => t.Identifier, edits: BlockEdits): void {
  const { site, record, captures } = item;
  const fn = moduleLevelFunction(site.node, record, captures, names, uid);
  const declaration = build.exportNamedDeclaration(
    build.variableDeclaration('const', [build.variableDeclarator(build.identifier(record.exportName), registerCall(names, fn, record.id))]),
  );
  const statement = topLevelStatement(site);
  program.body.splice(program.body.indexOf(statement), 0, declaration);
  const ref = reference(record, captures, names);
  const { node } = site;
  const parent = parentOf(site);
  if (node.type === 'ObjectMethod') {
    const { key, computed } = propertyKey(node, '__proto__');
    replace(node, parent, build.objectProperty(key, ref, computed));
  } else if (node.type === 'FunctionDeclaration' && parent.type === 'BlockStatement' && node.id) {
    edits.bindDeclaration(node, parent, site.ancestors[site.ancestors.length - 2], ref);
  } else {
    replace(node, parent, ref);
  }
}

/** Babel's `replaceWith`: the replacement takes over the node's comments, in the node's place. */
function replace(node: t.Node, parent: t.Node, replacement: t.Node): void {
  inheritsComments(replacement, node);
  removeComments(node);
  const holder = parent as unknown as Record<string, unknown>;
  for (const key of VISITOR_KEYS[parent.type]) {
    const child = holder[key];
    if (child === node) {
      holder[key] = replacement;
      return;
    }
    if (Array.isArray(child)) {
      const index = child.indexOf(node);
      if (index !== -1) {
        child[index] = replacement;
        return;
      }
    }
  }
  throw new Error(`Internal error: a ${node.type} is not a child of its ${parent.type}`);
}

/** Function declarations in blocks become bindings at the top of their block (see replaceDeclaration in hoist-server-functions.ts). */
class BlockEdits {
  private placed = new Map<t.Node, number>();

  bindDeclaration(node: t.FunctionDeclaration, block: t.BlockStatement, blockParent: t.Node, ref: t.Expression): void {
    const kind = isFunction(blockParent) ? 'var' : 'let';
    const binding = build.variableDeclaration(kind, [build.variableDeclarator(build.identifier(node.id!.name), ref)]);
    binding.loc = node.loc;
    remove(node, block.body);
    const placed = this.placed.get(block) ?? 0;
    block.body.splice(placed, 0, binding);
    this.placed.set(block, placed + 1);
  }
}

/** Babel's `remove` of a statement from a list: its comments go to the statements around it. */
function remove(node: t.Statement, list: t.Statement[]): void {
  const index = list.indexOf(node);
  const trailing = node.trailingComments;
  const leading = node.leadingComments;
  if (trailing || leading) {
    const prev = list[index - 1];
    const next = list[index + 1];
    if (prev) {
      if (leading) addComments(prev, 'trailing', withoutThoseIn(leading, prev.trailingComments));
      if (trailing && !next) addComments(prev, 'trailing', trailing);
    }
    if (next) {
      if (trailing) addComments(next, 'leading', withoutThoseIn(trailing, next.leadingComments));
      if (leading && !prev) addComments(next, 'leading', leading);
    }
  }
  list.splice(index, 1);
}

function withoutThoseIn(list: t.Comment[], toRemove: t.Comment[] | null | undefined): t.Comment[] {
  if (!toRemove?.length) return list;
  const set = new Set(toRemove);
  return list.filter((comment) => !set.has(comment));
}
