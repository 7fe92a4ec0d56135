/**
 * Golden-file tests of the loader's pure transform. Each folder under test/transform is one case:
 *
 *   input.{js,jsx,ts,tsx}  the module as the user wrote it
 *   options.json           optional: { "layers": ["server", "browser", "ssr"] } (the default: all three)
 *   output.<layer>.js      the code for each layer that rewrites the module (no file: passed through)
 *   error.txt              the formatted build errors, when the module is rejected
 *   meta.json              what the loader records: directive, server function IDs, client exports
 *
 * Every line of an input that carries a `// error` comment must get exactly one problem per marker, and
 * no other line any: so each case proves that all of its problems are reported, not just the first.
 *
 * `UPDATE_GOLDEN=1 npx mocha test/transform.test.ts` rewrites the golden files; review the diff, the
 * golden files are the specification.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { traverse } from '@babel/core';
import { parse, type ParserPlugin } from '@babel/parser';
import type * as t from '@babel/types';
import { expect } from 'chai';
import { ServerActionsBuildError } from '../loader/located-error';
import { transformModule, type TransformResult } from '../loader/transform';
import type { Layer } from '../shared/module-record';

const CASES_DIR = path.join(__dirname, 'transform');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const ALL_LAYERS: Layer[] = ['server', 'browser', 'ssr'];
const CALL_SERVER_MODULE = 'webpack-server-actions/client';
const RUNTIME_IMPORTS: Record<string, string[]> = {
  'use server/browser': ['react-server-dom-webpack/client', CALL_SERVER_MODULE],
  'use server/ssr': ['react-server-dom-webpack/client.node'],
  'use client/server': ['react-server-dom-webpack/server'],
};

interface Case {
  name: string;
  dir: string;
  inputFile: string;
  relativePath: string;
  source: string;
  layers: Layer[];
}

interface Run {
  layer: Layer;
  result: TransformResult;
}

function loadCase(name: string): Case {
  const dir = path.join(CASES_DIR, name);
  const inputs = readdirSync(dir).filter((file) => /^input\.(js|jsx|ts|tsx)$/.test(file));
  if (inputs.length !== 1) throw new Error(`${name}: expected one input.{js,jsx,ts,tsx}, found ${inputs.length}`);
  const optionsFile = path.join(dir, 'options.json');
  const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
  const unknown = Object.keys(options).filter((key) => key !== 'layers');
  if (unknown.length > 0) throw new Error(`${name}/options.json: unknown keys ${unknown.join(', ')}`);
  const layers: Layer[] = options.layers ?? ALL_LAYERS;
  if (layers.length === 0 || !layers.every((layer) => ALL_LAYERS.includes(layer))) {
    throw new Error(`${name}/options.json: "layers" must list some of ${ALL_LAYERS.join(', ')}`);
  }
  const inputFile = inputs[0];
  const source = readFileSync(path.join(dir, inputFile), 'utf8');
  return { name, dir, inputFile, relativePath: `src/${name}/${inputFile}`, source, layers };
}

function transform(testCase: Case, layer: Layer): TransformResult {
  return transformModule(testCase.source, {
    resourcePath: `/app/${testCase.relativePath}`,
    relativePath: testCase.relativePath,
    layer,
    salt: '',
    callServerModule: CALL_SERVER_MODULE,
  });
}

function metaOf(result: TransformResult): object {
  const { directive, serverFunctions, clientReferenceId, clientExports } = result;
  // Through JSON, so that absent fields compare equal to the file.
  return JSON.parse(JSON.stringify({ directive, serverFunctions, clientReferenceId, clientExports }));
}

function formatErrors(testCase: Case, result: TransformResult): string {
  const errors = result.problems.map((p) => new ServerActionsBuildError(p, testCase.source, testCase.relativePath));
  return errors.map((error) => error.message).join('\n\n') + '\n';
}

/** The golden files a case's results call for, by file name. */
function goldenFiles(testCase: Case, runs: Run[]): Map<string, string> {
  const files = new Map<string, string>();
  files.set('meta.json', JSON.stringify(metaOf(runs[0].result), null, 2) + '\n');
  if (runs[0].result.problems.length > 0) files.set('error.txt', formatErrors(testCase, runs[0].result));
  for (const { layer, result } of runs) {
    if (result.code !== null) files.set(`output.${layer}.js`, result.code);
  }
  return files;
}

function isGoldenFile(file: string): boolean {
  return file === 'meta.json' || file === 'error.txt' || /^output\.[a-z]+\.js$/.test(file);
}

function writeGoldenFiles(testCase: Case, files: Map<string, string>): void {
  for (const file of readdirSync(testCase.dir)) {
    if (isGoldenFile(file) && !files.has(file)) rmSync(path.join(testCase.dir, file));
  }
  for (const [file, text] of files) writeFileSync(path.join(testCase.dir, file), text);
}

function pluginsFor(inputFile: string): ParserPlugin[] {
  if (inputFile.endsWith('.tsx')) return ['typescript', 'jsx'];
  if (inputFile.endsWith('.ts')) return ['typescript'];
  return ['jsx'];
}

/** Code the transform generated from scratch, as opposed to the user's code with additions. */
function isGenerated(run: Run): boolean {
  return run.result.code !== null && !(run.result.directive === 'use server' && run.layer === 'server');
}

function parseOutput(testCase: Case, run: Run): t.File {
  // Generated modules must be plain JavaScript; the user's own code keeps the syntax of its input.
  const plugins = isGenerated(run) ? [] : pluginsFor(testCase.inputFile);
  return parse(run.result.code!, { sourceType: 'module', plugins });
}

function importSources(ast: t.File): string[] {
  return ast.program.body.flatMap((statement) =>
    (statement.type === 'ImportDeclaration' || statement.type === 'ExportNamedDeclaration' ||
      statement.type === 'ExportAllDeclaration') && statement.source
      ? [statement.source.value]
      : [],
  );
}

function exportNames(ast: t.File): string[] {
  return ast.program.body.flatMap((statement) =>
    statement.type === 'ExportNamedDeclaration'
      ? statement.specifiers.map((s) => (s.exported.type === 'Identifier' ? s.exported.name : s.exported.value))
      : [],
  );
}

function registerLocalName(program: t.Program): string | undefined {
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration') continue;
    if (statement.source.value !== 'react-server-dom-webpack/server') continue;
    for (const specifier of statement.specifiers) {
      const imported = specifier.type === 'ImportSpecifier' ? specifier.imported : null;
      if (imported?.type === 'Identifier' && imported.name === 'registerServerReference') return specifier.local.name;
    }
  }
  return undefined;
}

/** The IDs of the `registerServerReference(fn, id, null)` calls, each checked for a top-level `fn`. */
function registeredIds(ast: t.File): string[] {
  const ids: string[] = [];
  traverse(ast, {
    Program(program) {
      const register = registerLocalName(program.node);
      for (const statement of program.node.body) {
        if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'CallExpression') continue;
        const { callee, arguments: args } = statement.expression;
        if (callee.type !== 'Identifier' || callee.name !== register) continue;
        const [fn, id, exportName] = args;
        expect([fn.type, id.type, exportName.type]).to.deep.equal(['Identifier', 'StringLiteral', 'NullLiteral']);
        const local = (fn as t.Identifier).name;
        expect(program.scope.hasOwnBinding(local), `${local} is declared at the top level`).to.equal(true);
        ids.push((id as t.StringLiteral).value);
      }
      program.stop();
    },
  });
  return ids;
}

/** The lines marked `// error`, once per marker. */
function markedLines(source: string): number[] {
  return source.split('\n').flatMap((text, index) => (text.match(/\/\/ error\b/g) ?? []).map(() => index + 1));
}

function describeCase(name: string): void {
  describe(name, () => {
    const testCase = loadCase(name);
    let runs: Run[];
    let golden: Map<string, string>;
    before(() => {
      runs = testCase.layers.map((layer) => ({ layer, result: transform(testCase, layer) }));
      golden = goldenFiles(testCase, runs);
      if (UPDATE) writeGoldenFiles(testCase, golden);
    });

    it('has a golden file for each output, and no other', () => {
      expect(readdirSync(testCase.dir).filter(isGoldenFile).sort()).to.deep.equal([...golden.keys()].sort());
    });

    it('matches the golden files', () => {
      for (const [file, text] of golden) {
        expect(text, file).to.equal(readFileSync(path.join(testCase.dir, file), 'utf8'));
      }
    });

    it('learns the same and reports the same problems on every layer', () => {
      for (const { result } of runs.slice(1)) {
        expect(metaOf(result)).to.deep.equal(metaOf(runs[0].result));
        expect(result.problems).to.deep.equal(runs[0].result.problems);
      }
    });

    it('keeps the source map exactly when it keeps the code', () => {
      for (const run of runs) expect(run.result.keepsSourceMap, run.layer).to.equal(!isGenerated(run));
    });

    it('emits valid JavaScript that names the recorded functions', () => {
      for (const run of runs.filter((r) => r.result.code !== null)) checkOutput(testCase, run);
    });

    it('reports one problem per `// error` marker, each with its file, line, column and code frame', () => {
      const { problems } = runs[0].result;
      expect(problems.map((p) => p.loc.line).sort((a, b) => a - b)).to.deep.equal(markedLines(testCase.source));
      for (const run of runs) if (run.result.problems.length > 0) expect(run.result.code, run.layer).to.equal(null);
      for (const problem of problems) {
        const { message } = new ServerActionsBuildError(problem, testCase.source, testCase.relativePath);
        const { line, column } = problem.loc;
        const prefix = `${testCase.relativePath}:${line}:${column + 1}: `;
        expect(message.slice(0, prefix.length)).to.equal(prefix);
        expect(message).to.match(new RegExp(`^> +${line} \\|`, 'm'));
      }
    });
  });
}

function checkOutput(testCase: Case, run: Run): void {
  const { layer, result } = run;
  const ast = parseOutput(testCase, run);
  if (!isGenerated(run)) {
    expect(registeredIds(ast), layer).to.deep.equal(result.serverFunctions!.map((f) => f.id));
    expectLinesKept(testCase.source, result.code!);
    return;
  }
  expect(importSources(ast), layer).to.deep.equal(RUNTIME_IMPORTS[`${result.directive}/${layer}`]);
  const input = parse(testCase.source, { sourceType: 'module', plugins: pluginsFor(testCase.inputFile) });
  for (const specifier of importSources(input)) {
    expect(result.code, layer).not.to.include(JSON.stringify(specifier));
  }
  const names =
    result.directive === 'use server' ? result.serverFunctions!.map((f) => f.exportName) : result.clientExports;
  expect(exportNames(ast), layer).to.deep.equal(names);
}

/**
 * The server layer keeps the input's source map, so every input line must stay where it was; only the line
 * of an anonymous default export may change, to give the function a name.
 */
function expectLinesKept(source: string, code: string): void {
  const outputLines = code.split('\n');
  source.split('\n').forEach((line, index) => {
    if (outputLines[index] === line) return;
    expect(outputLines[index], `line ${index + 1}`).to.match(/\b__serverFunction_default\d*\b/);
    expect(line, `line ${index + 1}`).to.match(/^export default\b/);
  });
}

describe('transformModule golden files', () => {
  const names = readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  it('has the cases, one of them with many problems', () => {
    expect(names.length).to.be.at.least(30);
    expect(Math.max(...names.map((name) => markedLines(loadCase(name).source).length))).to.be.at.least(3);
  });

  for (const name of names) describeCase(name);
});

describe('transformModule outside the golden files', () => {
  const options = (layer: Layer, relativePath = 'src/actions.js', salt = '') => ({
    resourcePath: `/checkout/${relativePath}`,
    relativePath,
    layer,
    salt,
    callServerModule: CALL_SERVER_MODULE,
  });
  const actions = '"use server";\nexport async function createNote() {}\n';

  it('throws a located SyntaxError for a directive module that does not parse', () => {
    const source = '"use server";\nexport async function createNote( {\n';
    expect(() => transformModule(source, options('server')))
      .to.throw(SyntaxError)
      .with.property('loc')
      .that.deep.includes({ line: 3, column: 0 });
  });

  it('does not parse a module without a directive', () => {
    const result = transformModule('export const broken = (;\n', options('browser'));
    expect(result).to.deep.equal({ code: null, keepsSourceMap: true, problems: [] });
  });

  it('derives IDs from the relative path and salt, not from the absolute path', () => {
    const here = transformModule(actions, options('server'));
    const elsewhere = transformModule(actions, { ...options('server'), resourcePath: '/other/src/actions.js' });
    const salted = transformModule(actions, options('server', 'src/actions.js', 'salt'));
    const moved = transformModule(actions, options('server', 'src/moved.js'));
    expect(elsewhere.serverFunctions).to.deep.equal(here.serverFunctions);
    expect(salted.serverFunctions![0].id).not.to.equal(here.serverFunctions![0].id);
    expect(moved.serverFunctions![0].id).not.to.equal(here.serverFunctions![0].id);
    expect(here.serverFunctions![0].id).to.match(/^[0-9a-f]{40}$/);
  });

  it('transforms a module that starts with a byte order mark', () => {
    const result = transformModule(`\uFEFF${actions}`, options('browser'));
    expect(result.directive).to.equal('use server');
    expect(result.code).to.include('createServerReference');
  });
});
