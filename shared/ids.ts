/**
 * Action and client-reference IDs.
 *
 * An ID is a hash of the module's path relative to the plugin's `root` (POSIX separators), the export
 * name (for an inline server function: its scope path, see `inlineServerFunctionId`) and the optional salt. It is opaque (no path reaches a bundle), deterministic (two checkouts at
 * different absolute paths agree) and the same in every compiler that shares the root and salt.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';

const ID_LENGTH = 40;

function digest(parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, ID_LENGTH);
}

export function toRelativePath(root: string, resourcePath: string): string {
  return path.relative(root, resourcePath).split(path.sep).join('/');
}

export function serverFunctionId(relativePath: string, exportName: string, salt: string): string {
  return digest(['server-function', salt, relativePath, exportName]);
}

export function clientReferenceId(relativePath: string, salt: string): string {
  return digest(['client-reference', salt, relativePath]);
}

/**
 * An inline server function is named by its scope path: the names of the functions, classes and
 * properties that enclose it, then its own, e.g. `EmptyNote > createNoteAction`. Functions that share
 * a path get `#2`, `#3`… in source order. So an edit elsewhere in the file keeps the ID; only moving
 * or renaming the function or an enclosing one (or adding a namesake before it) changes it.
 *
 * What it captures is part of its ID too (`props.note.id`, `user`, in the order they are sealed): the
 * captured values travel sealed as a list, and a page rendered before an edit that changed the list
 * would otherwise have the new function open its old values in the wrong places. With the list in the
 * ID, that page's call is a `not-found`, and the browser helper reloads it.
 */
export function inlineServerFunctionId(relativePath: string, scopePath: string, salt: string, captured: readonly string[] = []): string {
  const parts = ['inline-server-function', salt, relativePath, scopePath];
  // A function that captures nothing keeps the ID it had before captures were part of it.
  return digest(captured.length === 0 ? parts : [...parts, 'captures', ...captured]);
}

/** The module ID of the facade that re-exports a file's inline server functions (loader/facade-loader.ts). */
export function facadeModuleId(relativePath: string, salt: string): string {
  return digest(['server-functions-facade', salt, relativePath]);
}
