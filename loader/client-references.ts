/**
 * Server layer, "use client" module: the module becomes client references. The server never runs the
 * component; React serialises a reference that the browser and SSR bundles resolve through the client
 * manifests the plugin writes.
 *
 * Input:
 *   "use client";
 *   export default function Button({ onClick }) { … }
 *   export const Label = …;
 * Output:
 *   import { registerClientReference } from "react-server-dom-webpack/server";
 *   const __client0 = registerClientReference(function () { throw new Error(…) }, "<client id>", "default");
 *   const __client1 = registerClientReference(function () { throw new Error(…) }, "<client id>", "Label");
 *   export { __client0 as default, __client1 as Label };
 */
import type * as t from '@babel/types';
import type { LocatedProblem } from './located-error';
import { exportedName, patternNames } from './top-level-bindings';

export interface ClientExportsAnalysis {
  exportNames: string[];
  problems: LocatedProblem[];
}

export function analyseClientExports(program: t.Program): ClientExportsAnalysis {
  const exportNames: string[] = [];
  const problems: LocatedProblem[] = [];
  for (const statement of program.body) {
    if (statement.type === 'TSImportEqualsDeclaration' && statement.isExport && statement.importKind !== 'type') {
      exportNames.push(statement.id.name);
    } else if (statement.type === 'ExportDefaultDeclaration') {
      // `export default interface` (TypeScript) exports nothing at run time.
      if ((statement.declaration as t.Node).type !== 'TSInterfaceDeclaration') exportNames.push('default');
    } else if (statement.type === 'ExportAllDeclaration') {
      if (statement.exportKind === 'type') continue;
      problems.push({
        message: '`export *` in a "use client" file hides which names the server may refer to.',
        fix: 'List the names: `export { A, B } from "…"`.',
        loc: { line: statement.loc?.start.line ?? 1, column: statement.loc?.start.column ?? 0 },
      });
    } else if (statement.type === 'ExportNamedDeclaration' && statement.exportKind !== 'type') {
      const declaration = statement.declaration;
      if (declaration && 'declare' in declaration && declaration.declare) continue;
      if (declaration?.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations) patternNames(declarator.id, exportNames);
      } else if (
        (declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration') &&
        declaration.id
      ) {
        exportNames.push(declaration.id.name);
      } else if (declaration?.type === 'TSEnumDeclaration') {
        exportNames.push(declaration.id.name);
      } else if (declaration?.type === 'TSModuleDeclaration' && declaration.id.type === 'Identifier') {
        exportNames.push(declaration.id.name);
      }
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ExportSpecifier' && specifier.exportKind === 'type') continue;
        exportNames.push(exportedName(specifier.exported));
      }
    }
  }
  return { exportNames: [...new Set(exportNames)], problems };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function clientReferences(exportNames: string[], clientId: string, relativePath: string): string {
  const lines = ['import { registerClientReference } from "react-server-dom-webpack/server";'];
  const specifiers: string[] = [];
  exportNames.forEach((exportName, index) => {
    const message =
      `Attempted to call ${exportName}() of ${relativePath} from the server, but it is on the client ` +
      '(the file starts with "use client"). Render it as a component or pass it to a client component instead.';
    const local = `__client${index}`;
    lines.push(
      `const ${local} = registerClientReference(function () { throw new Error(${JSON.stringify(message)}); }, ` +
        `${JSON.stringify(clientId)}, ${JSON.stringify(exportName)});`,
    );
    specifiers.push(`${local} as ${IDENTIFIER.test(exportName) ? exportName : JSON.stringify(exportName)}`);
  });
  lines.push(`export { ${specifiers.join(', ')} };`);
  return lines.join('\n') + '\n';
}
