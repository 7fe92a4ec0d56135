/**
 * The webpack glue of the loader: options, the plugin handshake, source maps and errors. The work is
 * done by `transformModule`, a pure function.
 */
import type { LoaderContext } from 'webpack';
import { toRelativePath } from '../shared/ids';
import { getLoaderHandshake, setModuleRecord, type Layer, type ModuleRecord } from '../shared/module-record';
import { mayNeedTransform } from './directive-scan';
import { ServerActionsBuildError, type LocatedProblem } from './located-error';
import { normalizeLoaderOptions, validatedLoaderOptions, type LoaderOptions, type NormalizedLoaderOptions } from './options';
import { facadeImport } from './facade-loader';
import { transformModule, type TransformResult } from './transform';

type SourceMap = Parameters<LoaderContext<LoaderOptions>['callback']>[2];

const MISSING_PLUGIN =
  'webpack-server-actions: the loader runs without its plugin. Add the same `new ServerActionsPlugin()` ' +
  'instance to `plugins` of every compiler whose rules use the loader.';

function parseProblem(error: unknown, source: string): LocatedProblem | null {
  const loc = (error as { loc?: { line: number; column: number; index?: number } }).loc;
  if (!loc) return null;
  return {
    message: `Cannot parse this module: ${(error as Error).message.replace(/ \(\d+:\d+\)$/, '').replace(/\.?$/, '.')}`,
    fix: 'If it needs another loader (TypeScript, JSX, …), list that loader after webpack-server-actions in `use`, so that it runs first.',
    loc: typeof loc.index === 'number' ? positionAt(source, loc.index) : loc,
  };
}

// Babel's line of a parse error can be short when the token it reads spans lines (an unterminated
// `\u{` escape); its offset is right. Lines counted as Babel and the code frame count them.
function positionAt(source: string, index: number): { line: number; column: number } {
  const lines = source.slice(0, index).split(/\r\n|[\n\r\u2028\u2029]/);
  return { line: lines.length, column: lines[lines.length - 1].length };
}

// Babel's parser and traversal recurse: nesting a few hundred levels deep exhausts the stack, wherever
// it is, and the parser cannot say where. Reported at the top of the file, as a build error all the same.
function tooDeepProblem(error: unknown): LocatedProblem | null {
  if (!(error instanceof RangeError) || !/call stack/i.test(error.message)) return null;
  return {
    message: 'This module nests too deeply to be compiled: the compiler ran out of stack (Maximum call stack size exceeded).',
    fix: 'Flatten the most deeply nested code (expressions, functions, blocks or JSX), e.g. by naming parts of it.',
    loc: { line: 1, column: 0 },
  };
}

// The loader runs on every module: validate each rule's options object once, and share the record
// of modules without a directive (it holds only the layer and the plugin's fingerprint).
const validatedOptions = new WeakMap<object, NormalizedLoaderOptions>();
const plainRecords = new Map<string, ModuleRecord>();

function loaderOptions(loaderContext: LoaderContext<LoaderOptions>): NormalizedLoaderOptions {
  const raw = loaderContext.getOptions();
  let options = validatedOptions.get(raw);
  if (!options) {
    options = normalizeLoaderOptions(validatedLoaderOptions(loaderContext));
    validatedOptions.set(raw, options);
  }
  return options;
}

function plainRecord(layer: Layer, fingerprint: string): ModuleRecord {
  const key = `${layer}\0${fingerprint}`;
  let record = plainRecords.get(key);
  if (!record) plainRecords.set(key, (record = Object.freeze({ layer, fingerprint })));
  return record;
}

export default function serverActionsLoader(
  this: LoaderContext<LoaderOptions>,
  source: string,
  inputMap?: SourceMap,
  meta?: Parameters<LoaderContext<LoaderOptions>['callback']>[3],
): void {
  const options = loaderOptions(this);
  const handshake = getLoaderHandshake(this);
  if (!handshake || !this._module) {
    this.callback(new Error(MISSING_PLUGIN));
    return;
  }
  if (!mayNeedTransform(source)) {
    // The hot path: most modules have no directive and are passed on untouched, unparsed.
    setModuleRecord(this._module, plainRecord(options.layer, handshake.fingerprint));
    this.callback(null, source, inputMap, meta);
    return;
  }
  const relativePath = toRelativePath(handshake.root, this.resourcePath);
  let result: TransformResult;
  try {
    result = transformModule(source, {
      resourcePath: this.resourcePath,
      relativePath,
      layer: options.layer,
      salt: handshake.salt,
      callServerModule: options.callServer,
      directiveTypos: options.directiveTypos,
      sourceMaps: this.sourceMap,
      inputSourceMap: this.sourceMap && typeof inputMap === 'string' ? JSON.parse(inputMap) : (inputMap as object | undefined),
    });
  } catch (error) {
    const problem = parseProblem(error, source) ?? tooDeepProblem(error);
    if (!problem) throw error;
    result = { code: null, keepsSourceMap: true, problems: [problem] };
  }

  let record = plainRecord(options.layer, handshake.fingerprint);
  if (result.directive || result.inlineServerFunctions) {
    record = { ...record, relativePath };
    if (result.directive) record.directive = result.directive;
    if (result.serverFunctions) record.serverFunctions = result.serverFunctions;
    if (result.inlineServerFunctions) record.inlineServerFunctions = result.inlineServerFunctions;
    if (result.clientReferenceId) record.clientReferenceId = result.clientReferenceId;
    if (result.clientExports) record.clientExports = result.clientExports;
  }
  setModuleRecord(this._module, record);

  for (const warning of result.warnings ?? []) this.emitWarning(new ServerActionsBuildError(warning, source, relativePath));
  if (result.problems.length > 0) {
    for (const problem of result.problems) this.emitError(new ServerActionsBuildError(problem, source, relativePath));
    // Nothing of a module that failed its checks may reach a bundle, server code least of all.
    this.callback(null, `throw new Error(${JSON.stringify(`${relativePath} failed to build; see the build errors.`)});\n`);
    return;
  }
  if (result.code === null) {
    this.callback(null, source, inputMap, meta);
    return;
  }
  const map = result.map ?? (result.keepsSourceMap ? inputMap : undefined);
  const facade =
    options.layer === 'server' && result.inlineServerFunctions
      ? facadeImport(this, relativePath, result.inlineServerFunctions.map((fn) => fn.exportName))
      : '';
  this.callback(null, result.code + facade, map as SourceMap, meta);
}
