/**
 * webpack-server-actions/runtime/register: registers an export of a "use server" file whose value the
 * loader cannot see at build time (`export const save = withAuth(async (…) => …)`), where it is
 * evaluated. The loader's output calls it; apps do not.
 */
import { registerServerReference } from 'react-server-dom-webpack/server';
import { ServerExportNotAFunctionError } from './errors';

const SERVER_REFERENCE = Symbol.for('react.server.reference');

type AnyFunction = (...args: unknown[]) => unknown;

/**
 * Registers `value` as the server function `id` and returns what the export must hold. A function that
 * is a server function already (registered under another export's ID) carries one ID only: it gets a
 * function of its own that calls it, so that every export name stays its own action.
 */
export function registerServerExport(value: unknown, id: string, file: string, exportName: string): AnyFunction {
  if (typeof value !== 'function') throw new ServerExportNotAFunctionError(file, exportName, describe(value));
  const target = value as AnyFunction & { $$typeof?: symbol };
  const fn = target.$$typeof === SERVER_REFERENCE ? forwardTo(target, exportName) : target;
  return registerServerReference(fn, id, null) as AnyFunction;
}

function forwardTo(target: AnyFunction, name: string): AnyFunction {
  const forward = function (this: unknown, ...args: unknown[]) {
    return target.apply(this, args);
  };
  Object.defineProperty(forward, 'name', { value: name });
  return forward;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
}
