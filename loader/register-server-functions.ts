/**
 * Server layer, "use server" module: the code stays; each export is registered as a server function
 * before any code of the module can use it.
 *
 * Input:
 *   "use server";
 *   export async function createNote(title) { … }
 *   export const archive = async (id) => { … };
 *   export const rename = withAuth(async (user, id, title) => { … });
 *   export { createNote as addNote };
 *   export default async function () { … }
 * Output (original lines untouched, so the input source map stays valid):
 *   "use server";__registerServerReference(createNote, "<id of createNote>", null);__registerServerReference(__serverFunction_default, "<id of default>", null);
 *   export async function createNote(title) { … }
 *   export const archive = async (id) => { … };__registerServerReference(archive, "<id of archive>", null);
 *   export const rename = __registerServerExport(withAuth(async (user, id, title) => { … }), "<id of rename>", "src/notes.js", "rename");
 *   export { __serverFunction_addNote as addNote };
 *   export default async function __serverFunction_default() { … }
 *   ;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
 *   import { registerServerExport as __registerServerExport } from "webpack-server-actions/runtime/register";
 *   const __serverFunction_addNote = __registerServerExport(createNote, "<id of addNote>", "src/notes.js", "addNote");
 *
 * Function declarations are hoisted, so they are registered at the top; a `const` right after its
 * declaration; any other value where it is evaluated, by `registerServerExport`, which checks that it
 * is a function. A function that is already a server function (a second name for one, or one a
 * wrapper hands back twice) gets a function of its own under the new ID, since a function carries a
 * single ID: so each export name is its own action. Passing `null` as React's export name makes `$$id`
 * the opaque ID itself; the manifest entry names the export.
 */
import { traverseFast } from '@babel/types';
import type * as t from '@babel/types';
import { skipTrivia } from './directive-scan';
import type { ServerExport } from './server-exports';
import { freshName, type Binding } from './top-level-bindings';

export const REGISTER_EXPORT_MODULE = 'webpack-server-actions/runtime/register';

export interface RegisterOptions {
  /** The module's path relative to the root: errors at run time name it. */
  relativePath: string;
  idOf: (exportName: string) => string;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(source: string, edits: Edit[]): string {
  let output = source;
  // Stable for edits at one position: the one planned first stays first.
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.start - a.edit.start || b.index - a.index);
  for (const { edit } of ordered) output = output.slice(0, edit.start) + edit.text + output.slice(edit.end);
  return output;
}

/**
 * Every name the module uses, anywhere: a generated top-level name must neither clash with a `var` of a
 * nested block (it is top-level too) nor shadow a global that the code reads.
 */
function namesInUse(program: t.Program, bindings: Map<string, Binding>): Map<string, Binding> {
  const names = new Map(bindings);
  traverseFast(program, (node) => {
    if ((node.type === 'Identifier' || node.type === 'JSXIdentifier') && !names.has(node.name)) names.set(node.name, { kind: 'value', node });
  });
  return names;
}

/** The line breaks within a range that an edit replaces: kept, so that the lines below stay put. */
function lineBreaksIn(source: string, start: number, end: number): string {
  return source.slice(start, end).match(/\r\n|[\n\r\u2028\u2029]/g)?.join('') ?? '';
}

/** Where registrations of hoisted declarations go: after the directive prologue, on its last line. */
function prologueEnd(program: t.Program): number {
  return program.directives.at(-1)?.end ?? program.start ?? 0;
}

export function registerServerFunctions(
  source: string,
  program: t.Program,
  serverExports: ServerExport[],
  bindings: Map<string, Binding>,
  options: RegisterOptions,
): string {
  const edits: Edit[] = [];
  const footer: string[] = [];
  const names = namesInUse(program, bindings);
  const register = freshName(names, '__registerServerReference');
  let registerExport: string | null = null;
  const registerExportName = () => (registerExport ??= freshName(names, '__registerServerExport'));
  const argsAfterValue = (exportName: string) =>
    `, ${JSON.stringify(options.idOf(exportName))}, ${stringLiteral(options.relativePath)}, ${stringLiteral(exportName)})`;
  // A statement of its own on the line of what it follows (so no line moves): after a `;` if that
  // has none.
  const registration = (at: number, local: string, exportName: string): Edit => {
    const separator = source[at - 1] === ';' ? '' : ';';
    return { start: at, end: at, text: `${separator}${register}(${local}, ${JSON.stringify(options.idOf(exportName))}, null);` };
  };

  for (const { exportName, registration: how, node } of serverExports) {
    switch (how.kind) {
      case 'hoisted':
        edits.push(registration(prologueEnd(program), how.local, exportName));
        break;
      case 'after-declaration':
        edits.push(registration(how.declaration.end!, how.local, exportName));
        break;
      case 'anonymous-default': {
        const local = freshName(names, '__serverFunction_default');
        if (how.fn.type === 'FunctionDeclaration') {
          const after = functionKeywordEnd(source, how.fn);
          edits.push({ start: after, end: after, text: ` ${local}` });
          edits.push(registration(prologueEnd(program), local, exportName));
        } else {
          // `export default async () => …` → `const NAME = async () => …;register(NAME)` and, after the
          // module body, `export default NAME`.
          const start = how.fn.extra?.parenthesized ? (how.fn.extra.parenStart as number) : how.fn.start!;
          edits.push({ start: node.start!, end: start, text: `const ${local} = ${lineBreaksIn(source, node.start!, start)}` });
          edits.push(registration(node.end!, local, exportName));
          footer.push(`export default ${local};`);
        }
        break;
      }
      case 'wrapped':
        // Parentheses of their own, so that a sequence expression stays one argument.
        edits.push({ start: how.expression.start!, end: how.expression.start!, text: `${registerExportName()}((` });
        edits.push({ start: how.expression.end!, end: how.expression.end!, text: `)${argsAfterValue(exportName)}` });
        break;
      case 'alias': {
        const local = freshName(names, `__serverFunction_${exportName.replace(/[^A-Za-z0-9_$]/g, '_')}`);
        footer.push(`const ${local} = ${registerExportName()}(${how.local}${argsAfterValue(exportName)};`);
        edits.push(aliasExportEdit(source, how.exportNode, local));
        break;
      }
    }
  }
  const imports = [`import { registerServerReference as ${register} } from "react-server-dom-webpack/server";`];
  if (registerExport) imports.push(`import { registerServerExport as ${registerExport} } from ${JSON.stringify(REGISTER_EXPORT_MODULE)};`);
  return applyEdits(source, edits) + `\n;${imports.join('\n')}\n${footer.map((line) => `${line}\n`).join('')}`;
}

/**
 * A string literal that stays on its line: JSON leaves U+2028 and U+2029 as they are, which JavaScript
 * reads as line breaks when it counts lines (a file may be named with one), moving every line below.
 */
function stringLiteral(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

// `export default async function (` → the end of `function`, where the name goes.
function functionKeywordEnd(source: string, fn: t.FunctionDeclaration): number {
  return skipTrivia(source, fn.start! + 'async'.length) + 'function'.length;
}

/** The export of an alias names the alias's own function instead of the local. */
function aliasExportEdit(source: string, exportNode: t.ExportSpecifier | t.ExportDefaultDeclaration, local: string): Edit {
  if (exportNode.type === 'ExportDefaultDeclaration') {
    // `export default f;` → `export { ALIAS as default };`: a default export of an expression would
    // read the alias before the end of the module, where it is made.
    const text = `export { ${local} as default };${lineBreaksIn(source, exportNode.start!, exportNode.end!)}`;
    return { start: exportNode.start!, end: exportNode.end!, text };
  }
  const { local: original, exported } = exportNode;
  if (original.start === exported.start) {
    // `export { f }` → `export { ALIAS as f }`
    return { start: original.start!, end: original.end!, text: `${local} as ${source.slice(original.start!, original.end!)}` };
  }
  return { start: original.start!, end: original.end!, text: local };
}
