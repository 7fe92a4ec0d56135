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
 *   export default registerClientReference(function () { throw new Error(…) }, "<client id>", "default");
 *   const __client1 = registerClientReference(function () { throw new Error(…) }, "<client id>", "Label");
 *   export { __client1 as Label };
 */
import type * as t from '@babel/types';
import type { LocatedProblem } from './located-error';
import { exportedName } from './top-level-bindings';

export interface ClientExportsAnalysis {
  exportNames: string[];
  problems: LocatedProblem[];
}

function patternNames(pattern: t.LVal | t.Node, names: string[]): void {
  switch (pattern.type) {
    case 'Identifier':
      names.push(pattern.name);
      return;
    case 'ObjectPattern':
      for (const property of pattern.properties) {
        patternNames(property.type === 'RestElement' ? property.argument : property.value, names);
      }
      return;
    case 'ArrayPattern':
      for (const element of pattern.elements) if (element) patternNames(element, names);
      return;
    case 'AssignmentPattern':
      patternNames(pattern.left, names);
      return;
    case 'RestElement':
      patternNames(pattern.argument, names);
      return;
    default:
  }
}

export function analyseClientExports(program: t.Program): ClientExportsAnalysis {
  const exportNames: string[] = [];
  const problems: LocatedProblem[] = [];
  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration') {
      exportNames.push('default');
    } else if (statement.type === 'ExportAllDeclaration') {
      if (statement.exportKind === 'type') continue;
      problems.push({
        message: '`export *` in a "use client" file hides which names the server may refer to.',
        fix: 'List the names: `export { A, B } from "…"`.',
        loc: { line: statement.loc?.start.line ?? 1, column: statement.loc?.start.column ?? 0 },
      });
    } else if (statement.type === 'ExportNamedDeclaration' && statement.exportKind !== 'type') {
      const declaration = statement.declaration;
      if (declaration?.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations) patternNames(declarator.id, exportNames);
      } else if (
        (declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration') &&
        declaration.id
      ) {
        exportNames.push(declaration.id.name);
      } else if (declaration?.type === 'TSEnumDeclaration' && !declaration.declare) {
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
