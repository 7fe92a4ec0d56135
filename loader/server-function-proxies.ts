/**
 * Client layers (browser and SSR), "use server" module: every export becomes a proxy that calls the
 * server, and nothing of the original module (its code, its imports) reaches the client bundle.
 *
 * Input:
 *   "use server";
 *   import { db } from "./db";
 *   export async function createNote(title) { … }
 * Output, browser layer:
 *   import { createServerReference } from "react-server-dom-webpack/client";
 *   import { callServer } from "webpack-server-actions/client";
 *   const __proxy0 = /*#__PURE__*\/ createServerReference("<id>", callServer, undefined, undefined, "createNote");
 *   export { __proxy0 as createNote };
 * Output, SSR layer: React's node client, whose references render `<form action>` with the hidden
 * `$ACTION_ID_<id>` field, so that the form works before hydration:
 *   import { createServerReference } from "react-server-dom-webpack/client.node";
 *   const __proxy0 = /*#__PURE__*\/ createServerReference("<id>");
 */
import type { Layer } from '../shared/module-record';

export interface ProxiedExport {
  exportName: string;
  id: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function exportSpecifier(local: string, exportName: string): string {
  const exported = IDENTIFIER.test(exportName) ? exportName : JSON.stringify(exportName);
  return `${local} as ${exported}`;
}

export function serverFunctionProxies(
  layer: Exclude<Layer, 'server'>,
  proxied: ProxiedExport[],
  callServerModule: string,
): string {
  const lines: string[] = [];
  if (layer === 'browser') {
    lines.push('import { createServerReference } from "react-server-dom-webpack/client";');
    lines.push(`import { callServer } from ${JSON.stringify(callServerModule)};`);
  } else {
    lines.push('import { createServerReference } from "react-server-dom-webpack/client.node";');
  }
  const specifiers: string[] = [];
  proxied.forEach(({ exportName, id }, index) => {
    const local = `__proxy${index}`;
    const args =
      layer === 'browser'
        ? `${JSON.stringify(id)}, callServer, undefined, undefined, ${JSON.stringify(exportName)}`
        : JSON.stringify(id);
    lines.push(`const ${local} = /*#__PURE__*/ createServerReference(${args});`);
    specifiers.push(exportSpecifier(local, exportName));
  });
  lines.push(`export { ${specifiers.join(', ')} };`);
  return lines.join('\n') + '\n';
}
