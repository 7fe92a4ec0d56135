/**
 * The golden-file cases of test/transform/transform.test.ts: loading a case folder, running the transform on each of
 * its layers, and the golden files its results call for (the format is described in that test's docblock).
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ServerActionsBuildError, type LocatedProblem } from '../../loader/located-error';
import type { DirectiveTypos } from '../../loader/options';
import { transformModule, type TransformResult } from '../../loader/transform';
import type { Layer } from '../../shared/module-record';

const CASES_DIR = path.join(__dirname, '..', 'transform', 'cases');
const ALL_LAYERS: Layer[] = ['server', 'browser', 'ssr'];

/** The modules the transform's output imports its runtime from. */
export const CALL_SERVER_MODULE = 'webpack-server-actions/client';
export const REGISTER_MODULE = 'react-server-dom-webpack/server';
export const CAPTURED_VALUES_MODULE = 'webpack-server-actions/runtime/captured-values';
export const REGISTER_EXPORT_MODULE = 'webpack-server-actions/runtime/register';

export interface Case {
  name: string;
  dir: string;
  inputFile: string;
  relativePath: string;
  source: string;
  layers: Layer[];
  /** The loader option, when the case sets it (the loader's default otherwise: errors). */
  directiveTypos?: DirectiveTypos;
}

export interface Run {
  layer: Layer;
  result: TransformResult;
}

export interface CaseRuns {
  testCase: Case;
  runs: Run[];
}

/** The names of the case folders, sorted. */
export function caseNames(): string[] {
  return readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Reads a case folder; throws on a folder that does not follow the format, so no case is skipped silently. */
export function loadCase(name: string): Case {
  const dir = path.join(CASES_DIR, name);
  const inputs = readdirSync(dir).filter((file) => /^input\.(js|jsx|ts|tsx)$/.test(file));
  if (inputs.length !== 1) throw new Error(`${name}: expected one input.{js,jsx,ts,tsx}, found ${inputs.length}`);
  const inputFile = inputs[0];
  const source = readFileSync(path.join(dir, inputFile), 'utf8');
  return { name, dir, inputFile, relativePath: `src/${name}/${inputFile}`, source, ...caseOptions(name, dir) };
}

function caseOptions(name: string, dir: string): Pick<Case, 'layers' | 'directiveTypos'> {
  const optionsFile = path.join(dir, 'options.json');
  const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
  const unknown = Object.keys(options).filter((key) => key !== 'layers' && key !== 'directiveTypos');
  if (unknown.length > 0) throw new Error(`${name}/options.json: unknown keys ${unknown.join(', ')}`);
  const layers: Layer[] = options.layers ?? ALL_LAYERS;
  if (layers.length === 0 || !layers.every((layer) => ALL_LAYERS.includes(layer))) {
    throw new Error(`${name}/options.json: "layers" must list some of ${ALL_LAYERS.join(', ')}`);
  }
  const { directiveTypos } = options;
  if (directiveTypos !== undefined && directiveTypos !== 'error' && directiveTypos !== 'warning') {
    throw new Error(`${name}/options.json: "directiveTypos" must be "error" or "warning"`);
  }
  return { layers, ...(directiveTypos ? { directiveTypos } : {}) };
}

function transformOnLayer(testCase: Case, layer: Layer): TransformResult {
  return transformModule(testCase.source, {
    resourcePath: `/app/${testCase.relativePath}`,
    relativePath: testCase.relativePath,
    layer,
    salt: '',
    callServerModule: CALL_SERVER_MODULE,
    directiveTypos: testCase.directiveTypos,
  });
}

export function runCase(testCase: Case): CaseRuns {
  return { testCase, runs: testCase.layers.map((layer) => ({ layer, result: transformOnLayer(testCase, layer) })) };
}

/** What the loader records about a module, as meta.json holds it. */
export function metaOf(result: TransformResult): object {
  const { directive, serverFunctions, inlineServerFunctions, clientReferenceId, clientExports, warnings } = result;
  // Through JSON, so that absent fields compare equal to the file.
  return JSON.parse(
    JSON.stringify({ directive, serverFunctions, inlineServerFunctions, clientReferenceId, clientExports, warnings }),
  );
}

/** The messages webpack would show for `problems`, as error.txt and warning.txt hold them. */
export function formatProblems(testCase: Case, problems: LocatedProblem[]): string {
  const errors = problems.map((p) => new ServerActionsBuildError(p, testCase.source, testCase.relativePath));
  return errors.map((error) => error.message).join('\n\n') + '\n';
}

/** The lines of a case's input that carry `marker`, once per marker. */
export function markedLines(source: string, marker: 'error' | 'warning'): number[] {
  const pattern = new RegExp(`// ${marker}\\b`, 'g');
  return source.split('\n').flatMap((text, index) => (text.match(pattern) ?? []).map(() => index + 1));
}

/** The golden files a case's results call for, by file name. */
export function goldenFiles({ testCase, runs }: CaseRuns): Map<string, string> {
  const files = new Map<string, string>();
  const { result } = runs[0];
  files.set('meta.json', JSON.stringify(metaOf(result), null, 2) + '\n');
  if (result.problems.length > 0) files.set('error.txt', formatProblems(testCase, result.problems));
  if (result.warnings?.length) files.set('warning.txt', formatProblems(testCase, result.warnings));
  for (const { layer, result: layerResult } of runs) {
    if (layerResult.code !== null) files.set(`output.${layer}.js`, layerResult.code);
  }
  return files;
}

function isGoldenFile(file: string): boolean {
  return ['meta.json', 'error.txt', 'warning.txt'].includes(file) || /^output\.[a-z]+\.js$/.test(file);
}

/** The golden files in a case folder now, sorted. */
export function existingGoldenFiles(testCase: Case): string[] {
  return readdirSync(testCase.dir).filter(isGoldenFile).sort();
}

export function readGoldenFile(testCase: Case, file: string): string {
  return readFileSync(path.join(testCase.dir, file), 'utf8');
}

/** Rewrites a case's golden files to `files`, deleting those its results no longer call for. */
export function writeGoldenFiles(testCase: Case, files: Map<string, string>): void {
  for (const file of existingGoldenFiles(testCase)) {
    if (!files.has(file)) rmSync(path.join(testCase.dir, file));
  }
  for (const [file, text] of files) writeFileSync(path.join(testCase.dir, file), text);
}
