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

export function registerServerFunctions(
  source: string,
  serverExports: ServerExport[],
  bindings: Map<string, Binding>,
  idOf: (exportName: string) => string,
): string {
  const edits: Edit[] = [];
  const registrations: string[] = [];
  const register = freshName(bindings, '__registerServerReference');
  for (const entry of serverExports) {
    let localName = entry.localName;
    const fn = entry.anonymousDefault;
    if (localName === null && fn) {
      localName = freshName(bindings, '__serverFunction_default');
      if (fn.type === 'FunctionDeclaration') {
        // `export default async function (` → `export default async function NAME(`
        const keyword = skipTrivia(source, fn.start! + 'async'.length);
        const after = keyword + 'function'.length;
        edits.push({ start: after, end: after, text: ` ${localName}` });
      } else {
        // `export default async () => …` → `const NAME = async () => …; export default NAME` (below)
        const start = fn.extra?.parenthesized ? (fn.extra.parenStart as number) : fn.start!;
        edits.push({ start: entry.node.start!, end: start, text: `const ${localName} = ` });
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
