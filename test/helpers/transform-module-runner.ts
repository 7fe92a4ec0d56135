/**
 * Runs the server output of the transform in Node, against a stub of the runtime, so that a test can call
 * the inline server functions of a module and see them behave as the code reads.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { transformModule, type TransformOptions } from '../../loader/transform';
import { CAPTURED_VALUES_MODULE, REGISTER_MODULE } from './transform-cases';

// The runtime, reduced to what the semantics need: captured values are read when they are opened,
// as they are when the server calls the reference directly; through the browser, they are copied
// as React would send them (plain data only, named as the loader names them when one cannot be).
const runtime = (throughTheBrowser: boolean) => `
const THROUGH_THE_BROWSER = ${throughTheBrowser};
function send(value, name) {
  if (typeof value === "function" || typeof value === "symbol") throw new TypeError("cannot send " + name);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => send(item, name));
  if (value instanceof Date || value instanceof Map || value instanceof Set) return structuredClone(value);
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw new TypeError("cannot send " + name);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, send(item, name)]));
}
export const registered = new Map();
export function registerServerReference(fn, id, exportName) {
  if (exportName !== null) throw new Error("an inline server function has no export name");
  registered.set(id, fn);
  return fn;
}
export function captureValues(id, name, names, read) {
  return { id, name, names, read };
}
export async function openCapturedValues(id, captured) {
  if (captured.id !== id) throw new Error("values captured for another function");
  const values = captured.read();
  return THROUGH_THE_BROWSER ? values.map((value, index) => send(value, captured.names[index])) : values;
}
`;

export class TransformedModuleRunner {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'inline-server-functions-'));
  private readonly runtimeUrl = pathToFileURL(path.join(this.dir, 'runtime.mjs')).href;
  private loaded = 0;

  /** `throughTheBrowser`: the captured values are copied as React sends them, instead of handed over. */
  constructor({ throughTheBrowser = false } = {}) {
    writeFileSync(path.join(this.dir, 'runtime.mjs'), runtime(throughTheBrowser));
  }

  /** Transforms `source`, imports the output, and checks that each inline function is registered as exported. */
  async load(source: string, options: TransformOptions): Promise<Record<string, any>> {
    const result = transformModule(source, options);
    expect(result.problems).to.deep.equal([]);
    const runtime = JSON.stringify(this.runtimeUrl);
    const code = result.code!.replaceAll(JSON.stringify(REGISTER_MODULE), runtime).replaceAll(JSON.stringify(CAPTURED_VALUES_MODULE), runtime);
    // A new file per module: Node caches an imported URL for the life of the process.
    const file = path.join(this.dir, `module-${(this.loaded += 1)}.mjs`);
    writeFileSync(file, code);
    const [module, { registered }] = await Promise.all([import(pathToFileURL(file).href), import(this.runtimeUrl)]);
    for (const record of result.inlineServerFunctions!) {
      expect(registered.get(record.id), record.name).to.equal(module[record.exportName]);
    }
    return module;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
