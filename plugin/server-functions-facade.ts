/**
 * The facade of a module with inline server functions: a module that re-exports those functions and
 * nothing else. The plugin adds it to the server build with an inline request
 * (`!!<facade loader>?{"exports":[…]}!<module>`: no configured loader runs on it), and the manifest
 * points at it rather than at the module itself, so that no action ID, not even through React's
 * `<key>#<name>` fallback, reaches the module's other exports (a server component, a helper).
 */
import type { ModuleRecord } from '../shared/module-record';

const FACADE_LOADER = require.resolve('./server-functions-facade-loader');

export function facadeRequest(resource: string, record: ModuleRecord): string {
  const exportNames = (record.inlineServerFunctions ?? []).map((fn) => fn.exportName);
  return `!!${FACADE_LOADER}?${JSON.stringify({ exports: exportNames })}!${resource}`;
}
