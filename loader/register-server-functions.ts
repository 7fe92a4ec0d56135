/**
 * Server layer, "use server" module: the code stays; each exported server function is registered.
 *
 * Input:
 *   "use server";
 *   export async function createNote(title) { … }
 *   export default async function () { … }
 * Output (original lines untouched, so the input source map stays valid; an anonymous default export
 * gets a name on its own line):
 *   "use server";
 *   export async function createNote(title) { … }
 *   export default async function __serverFunction_default() { … }
 *   ;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
 *   __registerServerReference(createNote, "<id of createNote>", null);
 *   __registerServerReference(__serverFunction_default, "<id of default>", null);
 *
 * Passing `null` as the export name makes `$$id` the opaque ID itself; the manifest entry names the export.
 */
import { traverseFast } from '@babel/types';
import type * as t from '@babel/types';
import { skipTrivia } from './directive-scan';
import type { ServerExport } from './server-exports';
import { freshName, type Binding } from './top-level-bindings';

export interface RegisteredExport {
  exportName: string;
  id: string;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(source: string, edits: Edit[]): string {
  let output = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    output = output.slice(0, edit.start) + edit.text + output.slice(edit.end);
  }
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

export function registerServerFunctions(
  source: string,
  program: t.Program,
  serverExports: ServerExport[],
  bindings: Map<string, Binding>,
  idOf: (exportName: string) => string,
): string {
  const edits: Edit[] = [];
  const registrations: string[] = [];
  const names = namesInUse(program, bindings);
  const register = freshName(names, '__registerServerReference');
  for (const entry of serverExports) {
    let localName = entry.localName;
    const fn = entry.anonymousDefault;
    if (localName === null && fn) {
      localName = freshName(names, '__serverFunction_default');
      if (fn.type === 'FunctionDeclaration') {
        // `export default async function (` → `export default async function NAME(`
        const keyword = skipTrivia(source, fn.start! + 'async'.length);
        const after = keyword + 'function'.length;
        edits.push({ start: after, end: after, text: ` ${localName}` });
      } else {
        // `export default async () => …` → `const NAME = async () => …; export default NAME` (below)
        const start = fn.extra?.parenthesized ? (fn.extra.parenStart as number) : fn.start!;
        // The line breaks of what is replaced stay, so that the lines below stay where the map says.
        const lineBreaks = source.slice(entry.node.start!, start).match(/\r\n|[\n\r\u2028\u2029]/g)?.join('') ?? '';
        edits.push({ start: entry.node.start!, end: start, text: `const ${localName} = ${lineBreaks}` });
        registrations.push(`export default ${localName};`);
      }
    }
    registrations.push(`${register}(${localName}, ${JSON.stringify(idOf(entry.exportName))}, null);`);
  }
  const footer =
    `\n;import { registerServerReference as ${register} } from "react-server-dom-webpack/server";\n` +
    registrations.join('\n') +
    '\n';
  return applyEdits(source, edits) + footer;
}
