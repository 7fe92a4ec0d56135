/**
 * Runs the real loader (loader/index.ts, its default export) on one module with the least of a
 * webpack loader context it uses: options (schema-validated, as webpack's `getOptions(schema)` does),
 * the plugin's handshake, `_module.buildInfo`, the resource, `sourceMap`, `callback`, `async`,
 * `emitError` and `emitWarning`. Whatever the loader does is recorded, a throw included.
 */
import { validate } from 'schema-utils';
import serverActionsLoader from '../../../loader/index';
import type { LoaderOptions } from '../../../loader/options';
import { getModuleRecord, setLoaderHandshake, type Layer, type ModuleRecord } from '../../../shared/module-record';

export const LAYERS: Layer[] = ['server', 'ssr', 'browser'];

export interface LoaderRunInput {
  source: string;
  resourcePath: string;
  layer: Layer;
  root: string;
  sourceMap: boolean;
  inputMap?: object;
}

export interface LoaderRun {
  /** What the loader threw, if it threw. */
  thrown?: unknown;
  /** Each call of the callback (or of the function `async()` returned). */
  calls: { error: unknown; code: unknown; map: unknown }[];
  errors: unknown[];
  warnings: unknown[];
  record: ModuleRecord | undefined;
  /** The loader asked for `async()`. */
  async: boolean;
  /**
   * CPU time the loader took (process.cpuUsage). Tests never judge it (a busy machine or a garbage
   * collection can stretch any run); the transforms benchmark reads it to find runs slow for their size.
   */
  cpuMilliseconds: number;
}

// One options object per layer, as webpack keeps one per rule: the loader caches its validation by it.
const OPTIONS = new Map<Layer, LoaderOptions>(LAYERS.map((layer) => [layer, { layer }]));

export function runLoader(input: LoaderRunInput): LoaderRun {
  const run: LoaderRun = { calls: [], errors: [], warnings: [], record: undefined, async: false, cpuMilliseconds: 0 };
  const options = OPTIONS.get(input.layer)!;
  const callback = (error: unknown, code?: unknown, map?: unknown) => void run.calls.push({ error, code, map });
  const module = { buildInfo: {} as Record<string, unknown> };
  const context = {
    getOptions(schema?: object) {
      if (schema) validate(schema as never, options, { name: 'webpack-server-actions loader' });
      return options;
    },
    resourcePath: input.resourcePath,
    resource: input.resourcePath,
    resourceQuery: '',
    resourceFragment: '',
    rootContext: input.root,
    context: input.resourcePath.slice(0, input.resourcePath.lastIndexOf('/')),
    sourceMap: input.sourceMap,
    mode: 'development',
    _module: module,
    callback,
    async() {
      run.async = true;
      return callback;
    },
    emitError: (error: unknown) => void run.errors.push(error),
    emitWarning: (warning: unknown) => void run.warnings.push(warning),
    addDependency() {},
    cacheable() {},
  };
  setLoaderHandshake(context, { root: input.root, salt: 'fuzz', fingerprint: 'fuzz-fingerprint' });
  const cpuBefore = process.cpuUsage();
  try {
    serverActionsLoader.call(context as never, input.source, input.inputMap as never);
  } catch (error) {
    run.thrown = error;
  }
  const cpu = process.cpuUsage(cpuBefore);
  run.cpuMilliseconds = (cpu.user + cpu.system) / 1000;
  run.record = getModuleRecord(module as never);
  return run;
}
