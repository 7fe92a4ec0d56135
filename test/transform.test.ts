/**
 * Golden-file tests of the loader's pure transform. Each folder under test/transform is one case:
 *
 *   input.{js,jsx,ts,tsx}  the module as the user wrote it
 *   options.json           optional: { "layers": ["server", "browser", "ssr"] } (the default: all three)
 *   output.<layer>.js      the code for each layer that rewrites the module (no file: passed through)
 *   error.txt              the formatted build errors, when the module is rejected
 *   warning.txt            the formatted build warnings (a misspelled directive), when there are any
 *   meta.json              what the loader records: directive, server function IDs (file and inline),
 *                          client exports, warnings
 *   known-bug.txt          instead of golden files: a case the transform gets wrong today (see below)
 *
 * Every line of an input that carries a `// error` comment must get exactly one problem per marker, and
 * no other line any: so each case proves that all of its problems are reported, not just the first. A
 * `// warning` comment does the same for warnings.
 *
 * Outputs are checked beyond the golden text: each is re-parsed; a module with inline "use server"
 * functions must export and register each recorded function once, under its own ID, and bind exactly
 * the variables it captures, which the test finds on its own in the input.
 *
 * known-bug.txt: its first line is `symptom: <text>`, a text that one of the case's failures contains
 * today; the rest says what is expected instead. The case then passes while it shows that symptom and
 * fails once it is fixed: delete known-bug.txt and regenerate.
 *
 * `UPDATE_GOLDEN=1 npx mocha test/transform.test.ts` rewrites the golden files; review the diff, the
 * golden files are the specification.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformSync, traverse, types, type NodePath } from '@babel/core';
import { parse, type ParserPlugin } from '@babel/parser';
import type * as t from '@babel/types';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { expect } from 'chai';
import { ServerActionsBuildError, type LocatedProblem } from '../loader/located-error';
import { transformModule, type TransformOptions, type TransformResult } from '../loader/transform';
import type { InlineServerFunctionRecord, Layer } from '../shared/module-record';

const CASES_DIR = path.join(__dirname, 'transform');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const ALL_LAYERS: Layer[] = ['server', 'browser', 'ssr'];
const CALL_SERVER_MODULE = 'webpack-server-actions/client';
const REGISTER_MODULE = 'react-server-dom-webpack/server';
const CAPTURED_VALUES_MODULE = 'webpack-server-actions/runtime/captured-values';
const RUNTIME_IMPORTS: Record<string, string[]> = {
  'use server/browser': ['react-server-dom-webpack/client', CALL_SERVER_MODULE],
  'use server/ssr': ['react-server-dom-webpack/client.node'],
  'use client/server': [REGISTER_MODULE],
};

interface KnownBug {
  symptom: string;
  description: string;
}

interface Case {
  name: string;
  dir: string;
  inputFile: string;
  relativePath: string;
  source: string;
  layers: Layer[];
  knownBug?: KnownBug;
}

interface Run {
  layer: Layer;
  result: TransformResult;
}

interface CaseRuns {
  testCase: Case;
  runs: Run[];
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
  const testCase: Case = { name, dir, inputFile, relativePath: `src/${name}/${inputFile}`, source, layers };
  const bugFile = path.join(dir, 'known-bug.txt');
  if (existsSync(bugFile)) testCase.knownBug = parseKnownBug(name, readFileSync(bugFile, 'utf8'));
  return testCase;
}

function parseKnownBug(name: string, text: string): KnownBug {
  const [first, ...rest] = text.split('\n');
  const symptom = /^symptom: (.+)$/.exec(first)?.[1];
  if (!symptom) throw new Error(`${name}/known-bug.txt: the first line must be "symptom: <text>"`);
  return { symptom, description: rest.join('\n').trim() };
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
  const { directive, serverFunctions, inlineServerFunctions, clientReferenceId, clientExports, warnings } = result;
  // Through JSON, so that absent fields compare equal to the file.
  return JSON.parse(
    JSON.stringify({ directive, serverFunctions, inlineServerFunctions, clientReferenceId, clientExports, warnings }),
  );
}

function formatProblems(testCase: Case, problems: LocatedProblem[]): string {
  const errors = problems.map((p) => new ServerActionsBuildError(p, testCase.source, testCase.relativePath));
  return errors.map((error) => error.message).join('\n\n') + '\n';
}

/** The golden files a case's results call for, by file name. */
function goldenFiles({ testCase, runs }: CaseRuns): Map<string, string> {
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

/**
 * What became of the module: `kept` is the user's code with additions at the end (a "use server" file
 * on the server), `inline` the user's code printed anew with its inline server functions hoisted,
 * `generated` code made from scratch (references and proxies); null when it passed through.
 */
type OutputKind = 'kept' | 'inline' | 'generated' | null;

function outputKind({ layer, result }: Run): OutputKind {
  if (result.code === null) return null;
  if (result.directive === 'use server' && layer === 'server') return 'kept';
  if (result.directive === undefined) return 'inline';
  return 'generated';
}

function parseModule(code: string, plugins: ParserPlugin[]): t.File {
  return parse(code, { sourceType: 'module', plugins });
}

function parseOutput(testCase: Case, run: Run): t.File {
  // Generated modules must be plain JavaScript; the user's own code keeps the syntax of its input.
  const plugins = outputKind(run) === 'generated' ? [] : pluginsFor(testCase.inputFile);
  return parseModule(run.result.code!, plugins);
}

function parseInput(testCase: Case): t.File {
  return parseModule(testCase.source, pluginsFor(testCase.inputFile));
}

function importSources(ast: t.File): string[] {
  return ast.program.body.flatMap((statement) =>
    (statement.type === 'ImportDeclaration' || statement.type === 'ExportNamedDeclaration' ||
      statement.type === 'ExportAllDeclaration') && statement.source
      ? [statement.source.value]
      : [],
  );
}

function specifierNames(statement: t.Statement): string[] {
  return statement.type === 'ExportNamedDeclaration'
    ? statement.specifiers.map((s) => (s.exported.type === 'Identifier' ? s.exported.name : s.exported.value))
    : [];
}

function exportNames(ast: t.File): string[] {
  return ast.program.body.flatMap(specifierNames);
}

/** Every name a module exports, declarations included. */
function allExportNames(ast: t.File): string[] {
  return ast.program.body.flatMap((statement) => {
    if (statement.type === 'ExportDefaultDeclaration') return ['default'];
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : null;
    const declared =
      declaration?.type === 'VariableDeclaration'
        ? declaration.declarations.flatMap((d) => Object.keys(types.getBindingIdentifiers(d.id)))
        : declaration && 'id' in declaration && declaration.id?.type === 'Identifier'
          ? [declaration.id.name]
          : [];
    return [...declared, ...specifierNames(statement)];
  });
}

/** The local name under which a module imports `imported` from `source`. */
function importedLocal(program: t.Program, source: string, imported: string): string | undefined {
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration' || statement.source.value !== source) continue;
    for (const specifier of statement.specifiers) {
      const name = specifier.type === 'ImportSpecifier' ? specifier.imported : null;
      if (name?.type === 'Identifier' && name.name === imported) return specifier.local.name;
    }
  }
  return undefined;
}

/** The IDs of the `registerServerReference(fn, id, null)` calls, each checked for a top-level `fn`. */
function registeredIds(ast: t.File): string[] {
  const ids: string[] = [];
  traverse(ast, {
    Program(program) {
      const register = importedLocal(program.node, REGISTER_MODULE, 'registerServerReference');
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

/** The lines that carry `marker`, once per marker. */
function markedLines(source: string, marker: 'error' | 'warning'): number[] {
  const pattern = new RegExp(`// ${marker}\\b`, 'g');
  return source.split('\n').flatMap((text, index) => (text.match(pattern) ?? []).map(() => index + 1));
}

function expectLocatedProblems(testCase: Case, problems: LocatedProblem[], marker: 'error' | 'warning'): void {
  const lines = problems.map((p) => p.loc.line).sort((a, b) => a - b);
  expect(lines, `lines with ${marker}s`).to.deep.equal(markedLines(testCase.source, marker));
  for (const problem of problems) {
    const { message } = new ServerActionsBuildError(problem, testCase.source, testCase.relativePath);
    const { line, column } = problem.loc;
    const prefix = `${testCase.relativePath}:${line}:${column + 1}: `;
    expect(message.slice(0, prefix.length)).to.equal(prefix);
    expect(message).to.match(new RegExp(`^> +${line} \\|`, 'm'));
  }
}

/** The checks of a case beyond its golden files, by title. */
const CASE_CHECKS: [string, (runs: CaseRuns) => void][] = [
  [
    'learns the same and reports the same problems on every layer (a message may name its layer)',
    ({ runs }) => {
      const problemsOf = ({ layer, result }: Run) =>
        result.problems.map((p) => ({ ...p, message: p.message.replaceAll(`the ${layer} layer`, 'the <layer> layer') }));
      for (const run of runs.slice(1)) {
        expect(metaOf(run.result)).to.deep.equal(metaOf(runs[0].result));
        expect(problemsOf(run)).to.deep.equal(problemsOf(runs[0]));
      }
    },
  ],
  [
    'keeps the source map exactly when it keeps the code',
    ({ runs }) => {
      for (const run of runs) {
        const kind = outputKind(run);
        expect(run.result.keepsSourceMap, run.layer).to.equal(kind === null || kind === 'kept');
      }
    },
  ],
  [
    'emits valid JavaScript that names the recorded functions',
    ({ testCase, runs }) => {
      for (const run of runs.filter((r) => r.result.code !== null)) checkOutput(testCase, run);
    },
  ],
  [
    'reports one problem per `// error` marker, each with its file, line, column and code frame',
    ({ testCase, runs }) => {
      expectLocatedProblems(testCase, runs[0].result.problems, 'error');
      for (const run of runs) if (run.result.problems.length > 0) expect(run.result.code, run.layer).to.equal(null);
    },
  ],
  [
    'warns once per `// warning` marker, each with its file, line, column and code frame',
    ({ testCase, runs }) => expectLocatedProblems(testCase, runs[0].result.warnings ?? [], 'warning'),
  ],
];

function runCase(testCase: Case): CaseRuns {
  return { testCase, runs: testCase.layers.map((layer) => ({ layer, result: transform(testCase, layer) })) };
}

function describeCase(name: string): void {
  const testCase = loadCase(name);
  if (testCase.knownBug) {
    describeKnownBug(testCase, testCase.knownBug);
    return;
  }
  describe(name, () => {
    let caseRuns: CaseRuns;
    let golden: Map<string, string>;
    before(() => {
      caseRuns = runCase(testCase);
      golden = goldenFiles(caseRuns);
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

    for (const [title, check] of CASE_CHECKS) it(title, () => check(caseRuns));
  });
}

/** A case that fails today: it passes while the failure shows its symptom, and fails once it is fixed. */
function describeKnownBug(testCase: Case, bug: KnownBug): void {
  describe(`${testCase.name} (known bug)`, () => {
    it(`still shows its symptom "${bug.symptom}"`, () => {
      expect(readdirSync(testCase.dir).filter(isGoldenFile), 'golden files of a known bug').to.deep.equal([]);
      const failures: string[] = [];
      try {
        const caseRuns = runCase(testCase);
        for (const [title, check] of CASE_CHECKS) {
          try {
            check(caseRuns);
          } catch (error) {
            failures.push(`${title}: ${(error as Error).message}`);
          }
        }
      } catch (error) {
        failures.push(`transform: ${(error as Error).message}`);
      }
      const shown = failures.some((failure) => failure.includes(bug.symptom));
      const fixed = `The symptom is gone: if the bug is fixed, delete ${testCase.name}/known-bug.txt and regenerate.`;
      expect(shown, `${fixed}\nFailures now:\n${failures.join('\n') || '(none)'}`).to.equal(true);
    });
  });
}

function checkOutput(testCase: Case, run: Run): void {
  const { layer, result } = run;
  const ast = parseOutput(testCase, run);
  const kind = outputKind(run);
  if (kind === 'kept') {
    expect(registeredIds(ast), layer).to.deep.equal(result.serverFunctions!.map((f) => f.id));
    expectLinesKept(testCase.source, result.code!);
    return;
  }
  if (kind === 'inline') {
    checkInlineOutput(testCase, result, ast);
    return;
  }
  expect(importSources(ast), layer).to.deep.equal(RUNTIME_IMPORTS[`${result.directive}/${layer}`]);
  const input = parseInput(testCase);
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

// ---------------------------------------------------------------------------------------------------
// Inline server functions: what the output must do, checked against what the test finds in the input.

type FunctionPath = NodePath<t.Function>;
type Binding = NonNullable<ReturnType<NodePath['scope']['getBinding']>>;

function hasUseServer(node: t.Function): boolean {
  return node.body.type === 'BlockStatement' && node.body.directives.some((d) => d.value.value === 'use server');
}

function isWithin(inner: t.Node, outer: t.Node): boolean {
  return inner.start! >= outer.start! && inner.end! <= outer.end!;
}

/** The functions of the input that carry "use server", keyed like the records: `line:column`, 1-based. */
function inlineFunctionsOf(input: t.File): Map<string, FunctionPath> {
  const found = new Map<string, FunctionPath>();
  traverse(input, {
    Function(fn) {
      if (hasUseServer(fn.node)) found.set(`${fn.node.loc!.start.line}:${fn.node.loc!.start.column + 1}`, fn);
    },
  });
  return found;
}

function isTypeOnly(use: NodePath): boolean {
  return use.findParent((p) => p.isTSType() || p.isTSTypeAnnotation() || p.isTSTypeParameterInstantiation()) !== null;
}

/**
 * The variables a server function must carry along: those of enclosing functions and blocks (not of
 * the module, which the hoisted function still sees) that it reads or writes, each once. Not its own
 * name, by which it refers to itself, be it a declaration's or the variable it is assigned to.
 */
function expectedCaptures(fn: FunctionPath): string[] {
  const captured = new Map<Binding, string>();
  const consider = (use: NodePath, name: string) => {
    if (isTypeOnly(use)) return;
    let binding = use.scope.getBinding(name);
    // Inside a class declaration, its name is the binding the declaration makes around it.
    if (binding?.path.isClassDeclaration() && binding.scope.path.node === binding.path.node) {
      binding = binding.scope.parent?.getBinding(name);
    }
    if (!binding || binding.scope.path.isProgram() || isWithin(binding.scope.path.node, fn.node)) return;
    if (binding.path.node === fn.node) return;
    if (binding.path.isVariableDeclarator() && binding.path.node.init === fn.node) return;
    captured.set(binding, name);
  };
  const considerTargets = (target: NodePath) => {
    for (const [name, id] of Object.entries(target.getBindingIdentifierPaths())) consider(id, name);
  };
  fn.traverse({
    ReferencedIdentifier(use) {
      consider(use, (use.node as t.Identifier | t.JSXIdentifier).name);
    },
    AssignmentExpression(assignment) {
      considerTargets(assignment.get('left'));
    },
    ForXStatement(loop) {
      if (!loop.get('left').isVariableDeclaration()) considerTargets(loop.get('left'));
    },
  });
  return [...captured.values()];
}

interface InlineCalls {
  /** Per ID, the export names its registrations are exported under. */
  registeredAs: Map<string, string[]>;
  registeredFunctions: Set<t.Node>;
  /** Per ID, the `captureValues(id, name, names, () => values)` calls. */
  captures: Map<string, { name: string; names: string[]; values: string[]; boundTo: string | null }[]>;
  /** Per ID, the `openCapturedValues(id, _)` calls and the function each is in. */
  opens: Map<string, (t.Node | undefined)[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}

function stringValue(node: t.Node | undefined): string {
  expect(node?.type, 'a string literal').to.equal('StringLiteral');
  return (node as t.StringLiteral).value;
}

function inlineCalls(output: t.File): InlineCalls {
  const calls: InlineCalls = { registeredAs: new Map(), registeredFunctions: new Set(), captures: new Map(), opens: new Map() };
  const program = output.program;
  const register = importedLocal(program, REGISTER_MODULE, 'registerServerReference');
  const capture = importedLocal(program, CAPTURED_VALUES_MODULE, 'captureValues');
  const open = importedLocal(program, CAPTURED_VALUES_MODULE, 'openCapturedValues');
  expect(register, 'registerServerReference is imported').to.be.a('string');
  traverse(output, {
    CallExpression(call) {
      const { callee, arguments: args } = call.node;
      if (callee.type !== 'Identifier') return;
      if (callee.name === register) registration(call, calls);
      if (callee.name === capture) {
        const [id, name, names, read] = args;
        expect(read.type, 'captureValues reads its values in an arrow function').to.equal('ArrowFunctionExpression');
        const body = (read as t.ArrowFunctionExpression).body;
        expect(body.type).to.equal('ArrayExpression');
        const bind = call.parentPath.node;
        const boundTo =
          bind.type === 'CallExpression' && bind.arguments[1] === call.node && bind.arguments[0].type === 'NullLiteral' &&
          bind.callee.type === 'MemberExpression' && bind.callee.object.type === 'Identifier' &&
          bind.callee.property.type === 'Identifier' && bind.callee.property.name === 'bind'
            ? bind.callee.object.name
            : null;
        push(calls.captures, stringValue(id), {
          name: stringValue(name),
          names: (names as t.ArrayExpression).elements.map((e) => stringValue(e!)),
          values: (body as t.ArrayExpression).elements.map((e) => (e as t.Identifier).name),
          boundTo,
        });
      }
      if (callee.name === open) push(calls.opens, stringValue(args[0]), call.getFunctionParent()?.node);
    },
  });
  return calls;
}

/** `export const $$x = register(fn, id, null)`, or `register(local, id, null)` and `export { local as $$x }`. */
function registration(call: NodePath<t.CallExpression>, calls: InlineCalls): void {
  const [fn, id, exportName] = call.node.arguments;
  expect([id.type, exportName.type], 'registerServerReference(fn, id, null)').to.deep.equal(['StringLiteral', 'NullLiteral']);
  const declarator = call.parentPath;
  const program = call.scope.getProgramParent().path.node as t.Program;
  if (declarator.isVariableDeclarator() && declarator.parentPath.parentPath?.isExportNamedDeclaration()) {
    expect(declarator.parentPath.parentPath.parentPath?.isProgram(), 'exported at the top level').to.equal(true);
    expect(fn.type).to.be.oneOf(['FunctionExpression', 'ArrowFunctionExpression']);
    push(calls.registeredAs, stringValue(id), (declarator.node.id as t.Identifier).name);
    calls.registeredFunctions.add(fn);
    return;
  }
  expect(call.parentPath.isExpressionStatement() && call.parentPath.parentPath.isProgram(), 'a top-level statement').to.equal(true);
  expect(fn.type).to.equal('Identifier');
  const local = (fn as t.Identifier).name;
  const declaration = program.body
    .map((s) => (s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration' ? s.declaration : s))
    .find((s): s is t.FunctionDeclaration => s?.type === 'FunctionDeclaration' && s.id?.name === local);
  expect(declaration, `${local} is a top-level function declaration`).not.to.equal(undefined);
  calls.registeredFunctions.add(declaration!);
  const specifiers = program.body.flatMap((s) => (s.type === 'ExportNamedDeclaration' && !s.source ? s.specifiers : []));
  for (const specifier of specifiers) {
    if (specifier.type === 'ExportSpecifier' && specifier.local.name === local && specifier.exported.type === 'Identifier' &&
      specifier.exported.name.startsWith('$$')) {
      push(calls.registeredAs, stringValue(id), specifier.exported.name);
    }
  }
}

function checkInlineOutput(testCase: Case, result: TransformResult, output: t.File): void {
  const records = result.inlineServerFunctions ?? [];
  expect(records.length, 'inline server functions').to.be.greaterThan(0);
  const input = parseInput(testCase);
  const functions = inlineFunctionsOf(input);
  expect(records.map((r) => `${r.line}:${r.column}`).sort(), 'a record per function').to.deep.equal([...functions.keys()].sort());
  const captures = new Map(records.map((r) => [r, expectedCaptures(functions.get(`${r.line}:${r.column}`)!)]));
  const capturing = [...captures.values()].some((names) => names.length > 0);

  const calls = inlineCalls(output);
  expect([...calls.registeredAs.keys()].sort(), 'registered IDs').to.deep.equal(records.map((r) => r.id).sort());
  for (const record of records) checkInlineRecord(record, captures.get(record)!, calls);

  const runtime = [REGISTER_MODULE, ...(capturing ? [CAPTURED_VALUES_MODULE] : [])];
  expect(importSources(output), 'imports').to.deep.equal([...runtime, ...importSources(input)]);
  const exported = [...allExportNames(input), ...records.map((r) => r.exportName)];
  expect(allExportNames(output).sort(), 'exports').to.deep.equal(exported.sort());
  let withDirective = 0;
  traverse(output, {
    Function(fn) {
      if (!hasUseServer(fn.node)) return;
      withDirective += 1;
      expect(calls.registeredFunctions.has(fn.node), `the function at line ${fn.node.loc?.start.line} is registered`).to.equal(true);
    },
  });
  expect(withDirective, 'functions with "use server" in the output').to.equal(records.length);
}

function checkInlineRecord(record: InlineServerFunctionRecord, expected: string[], calls: InlineCalls): void {
  expect(calls.registeredAs.get(record.id), `${record.name}: registered once, under its export name`).to.deep.equal([record.exportName]);
  const captureCalls = calls.captures.get(record.id) ?? [];
  const opens = calls.opens.get(record.id) ?? [];
  if (expected.length === 0) {
    expect(captureCalls, `${record.name}: captured values`).to.deep.equal([]);
    expect(opens.length, `${record.name}: opened values`).to.equal(0);
    return;
  }
  expect(captureCalls.map((c) => [...c.names].sort()), `${record.name}: captured values`).to.deep.equal([[...expected].sort()]);
  const [{ name, names, values, boundTo }] = captureCalls;
  expect(values, `${record.name}: the values read are the names given`).to.deep.equal(names);
  expect(name, `${record.name}: the name given to captureValues`).to.equal(record.name);
  expect(boundTo, `${record.name}: the values are bound to its reference`).to.equal(record.exportName);
  expect(opens.length, `${record.name}: opened once`).to.equal(1);
  expect(calls.registeredFunctions.has(opens[0]!), `${record.name}: opened in the registered function`).to.equal(true);
}

describe('transformModule golden files', () => {
  const names = readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  it('has the cases, one of them with many problems', () => {
    expect(names.length).to.be.at.least(90);
    expect(names.filter((name) => name.startsWith('inline-')).length).to.be.at.least(50);
    expect(Math.max(...names.map((name) => markedLines(loadCase(name).source, 'error').length))).to.be.at.least(3);
  });

  for (const name of names) describeCase(name);
});

// ---------------------------------------------------------------------------------------------------

const optionsFor = (layer: Layer, relativePath = 'src/actions.js', salt = ''): TransformOptions => ({
  resourcePath: `/checkout/${relativePath}`,
  relativePath,
  layer,
  salt,
  callServerModule: CALL_SERVER_MODULE,
});

describe('transformModule outside the golden files', () => {
  const actions = '"use server";\nexport async function createNote() {}\n';

  it('throws a located SyntaxError for a directive module that does not parse', () => {
    const source = '"use server";\nexport async function createNote( {\n';
    expect(() => transformModule(source, optionsFor('server')))
      .to.throw(SyntaxError)
      .with.property('loc')
      .that.deep.includes({ line: 3, column: 0 });
  });

  it('does not parse a module without a directive', () => {
    const result = transformModule('export const broken = (;\n', optionsFor('browser'));
    expect(result).to.deep.equal({ code: null, keepsSourceMap: true, problems: [] });
  });

  it('derives IDs from the relative path and salt, not from the absolute path', () => {
    const here = transformModule(actions, optionsFor('server'));
    const elsewhere = transformModule(actions, { ...optionsFor('server'), resourcePath: '/other/src/actions.js' });
    const salted = transformModule(actions, optionsFor('server', 'src/actions.js', 'salt'));
    const moved = transformModule(actions, optionsFor('server', 'src/moved.js'));
    expect(elsewhere.serverFunctions).to.deep.equal(here.serverFunctions);
    expect(salted.serverFunctions![0].id).not.to.equal(here.serverFunctions![0].id);
    expect(moved.serverFunctions![0].id).not.to.equal(here.serverFunctions![0].id);
    expect(here.serverFunctions![0].id).to.match(/^[0-9a-f]{40}$/);
  });

  it('transforms a module that starts with a byte order mark', () => {
    const result = transformModule(`\uFEFF${actions}`, optionsFor('browser'));
    expect(result.directive).to.equal('use server');
    expect(result.code).to.include('createServerReference');
  });
});

describe('inline server function IDs', () => {
  const page = (component = 'NotePage', before = '', inside = '') => `import { db } from "./db";
${before}
export function ${component}({ id }) {
  ${inside}
  async function saveNote(title) {
    "use server";
    await db.save(id, title);
  }
  return saveNote;
}

export function Sidebar() {
  const label = "Notes";
  return label;
}
`;
  const idsOf = (source: string, options = optionsFor('server', 'src/page.jsx')) => {
    const result = transformModule(source, options);
    expect(result.problems).to.deep.equal([]);
    return Object.fromEntries(result.inlineServerFunctions!.map((r) => [r.name, r.id]));
  };
  const saveNoteId = (source: string, options?: TransformOptions) => idsOf(source, options).saveNote;

  it('stay the same when code is added or edited elsewhere in the file', () => {
    const id = saveNoteId(page());
    expect(id).to.match(/^[0-9a-f]{40}$/);
    expect(saveNoteId(page('NotePage', 'const LIMIT = 10;\nconsole.log(LIMIT);\n'))).to.equal(id);
    expect(saveNoteId(page('NotePage', 'function unrelated() {\n  return 1;\n}\n'))).to.equal(id);
    expect(saveNoteId(page('NotePage', '', 'const extra = id * 2;\n  console.log(extra);'))).to.equal(id);
    expect(saveNoteId(page().replace('const label = "Notes";', 'const label = "All notes";\n  console.log(label);'))).to.equal(id);
    const otherInline = 'export function Other() {\n  async function archive() {\n    "use server";\n  }\n  return archive;\n}\n';
    expect(saveNoteId(page('NotePage', otherInline))).to.equal(id);
  });

  it('change when the enclosing component is renamed', () => {
    expect(saveNoteId(page('EditNotePage'))).not.to.equal(saveNoteId(page()));
  });

  it('differ for two functions with the same scope path', () => {
    const source = `export function List() {
  return [
    register(async () => {
      "use server";
    }),
    register(async () => {
      "use server";
    }),
  ];
}
`;
    const records = transformModule(source, optionsFor('server', 'src/list.js')).inlineServerFunctions!;
    expect(records.map((r) => r.name)).to.deep.equal(['(anonymous)', '(anonymous)']);
    expect(records[0].id).not.to.equal(records[1].id);
    expect(records[0].exportName).not.to.equal(records[1].exportName);
  });

  it('depend on the salt and the relative path, not on the absolute path', () => {
    const id = saveNoteId(page());
    const options = optionsFor('server', 'src/page.jsx');
    expect(saveNoteId(page(), { ...options, resourcePath: '/elsewhere/src/page.jsx' })).to.equal(id);
    expect(saveNoteId(page(), optionsFor('server', 'src/page.jsx', 'salt'))).not.to.equal(id);
    expect(saveNoteId(page(), optionsFor('server', 'src/other-page.jsx'))).not.to.equal(id);
  });
});

describe('inline server function source maps', () => {
  const original = `import { db } from "./db";

export default function EmptyNote({ id }) {
  async function createNoteAction(formData) {
    "use server";

    await db.notes.create(id, formData.get("title"));
  }

  return <form action={createNoteAction}><button>Create</button></form>;
}
`;
  const ORIGINAL_LINE = 7;
  // What babel-loader would hand over: JSX compiled, with a map back to the original file.
  const compiled = transformSync(original, {
    filename: '/app/src/empty-note.jsx',
    configFile: false,
    babelrc: false,
    presets: [[require.resolve('@babel/preset-react'), { runtime: 'automatic' }]],
    sourceMaps: true,
  })!;

  function positionOf(code: string, text: string): { line: number; column: number } {
    const lines = code.split('\n');
    const index = lines.findIndex((line) => line.includes(text));
    expect(index, text).to.be.at.least(0);
    return { line: index + 1, column: lines[index].indexOf(text) };
  }

  it('map the hoisted body back to its line in the original file, through the input map', () => {
    const compiledLine = positionOf(compiled.code!, 'await db.notes.create').line;
    expect(compiledLine, 'the compiled code moved the line').not.to.equal(ORIGINAL_LINE);
    const options = { ...optionsFor('server', 'src/empty-note.jsx'), resourcePath: '/app/src/empty-note.jsx' };
    const result = transformModule(compiled.code!, { ...options, sourceMaps: true, inputSourceMap: compiled.map });
    const generated = positionOf(result.code!, 'await db.notes.create');
    expect(generated.line, 'the function was hoisted').to.be.below(positionOf(result.code!, 'function EmptyNote').line);
    const map = new TraceMap(result.map as ConstructorParameters<typeof TraceMap>[0]);
    const position = originalPositionFor(map, generated);
    expect(position.source).to.match(/empty-note\.jsx$/);
    expect(position.line).to.equal(ORIGINAL_LINE);
    expect(position.column).to.equal(positionOf(original, 'await db.notes.create').column);
  });

  it('map to the code as it came in when there is no input map, and make none unless asked', () => {
    const options = optionsFor('server', 'src/empty-note.jsx');
    const result = transformModule(compiled.code!, { ...options, sourceMaps: true });
    const map = new TraceMap(result.map as ConstructorParameters<typeof TraceMap>[0]);
    const position = originalPositionFor(map, positionOf(result.code!, 'await db.notes.create'));
    expect(position.line).to.equal(positionOf(compiled.code!, 'await db.notes.create').line);
    expect(transformModule(compiled.code!, options).map).to.equal(null);
  });
});

describe('inline server functions run as they read', () => {
  let dir: string;
  let loaded = 0;
  // The runtime, reduced to what the semantics need: captured values are read when they are opened,
  // as they are when the server calls the reference directly.
  const RUNTIME = `
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
  return captured.read();
}
`;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'inline-server-functions-'));
    writeFileSync(path.join(dir, 'runtime.mjs'), RUNTIME);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function load(source: string): Promise<Record<string, any>> {
    const result = transformModule(source, optionsFor('server', 'src/run.js'));
    expect(result.problems).to.deep.equal([]);
    const runtime = JSON.stringify(pathToFileURL(path.join(dir, 'runtime.mjs')).href);
    const code = result.code!.replaceAll(JSON.stringify(REGISTER_MODULE), runtime).replaceAll(JSON.stringify(CAPTURED_VALUES_MODULE), runtime);
    const file = path.join(dir, `module-${(loaded += 1)}.mjs`);
    writeFileSync(file, code);
    const [module, { registered }] = await Promise.all([import(pathToFileURL(file).href), import(JSON.parse(runtime))]);
    for (const record of result.inlineServerFunctions!) {
      expect(registered.get(record.id), record.name).to.equal(module[record.exportName]);
    }
    return module;
  }

  it('see the captured variables as a closure would, at the end of the render', async () => {
    const { Editor } = await load(`export function Editor({ id }) {
  let note = "draft";
  async function read(suffix) {
    "use server";
    return [id, note, suffix];
  }
  note = "final";
  const refs = [];
  for (let i = 0; i < 2; i++) refs.push(async () => { "use server"; return i; });
  for (var j = 0; j < 2; j++) refs.push(async () => { "use server"; return j; });
  return { read, refs, early };
  async function early() {
    "use server";
    return id;
  }
}
`);
    const { read, refs, early } = Editor({ id: 7 });
    expect(await read('!')).to.deep.equal([7, 'final', '!']);
    expect(await Promise.all(refs.map((ref: () => Promise<number>) => ref()))).to.deep.equal([0, 1, 2, 2]);
    expect(await early()).to.equal(7);
  });

  it('keep parameters, defaults, rest parameters, recursion, nesting and methods working', async () => {
    const { Tools, retry } = await load(`export async function retry(n) {
  "use server";
  return n > 0 ? retry(n - 1) : "done";
}
export function Tools({ id, fallback }) {
  async function withDefault(x = fallback, { y } = { y: id }) { "use server"; return [x, y]; }
  async function countDown(n) { "use server"; return n > 0 ? countDown(n - 1) : id; }
  async function outer(a) {
    "use server";
    return async (b) => { "use server"; return [id, a, b]; };
  }
  async function rest(first, ...others) { "use server"; return [id, first, others]; }
  class Store { static async save(x) { "use server"; return [id, x]; } }
  const object = { async method({ name }, [first]) { "use server"; return [id, name, first]; } };
  return { withDefault, countDown, outer, rest, save: Store.save, method: object.method };
}
`);
    const tools = Tools({ id: 7, fallback: 'fallback' });
    expect(await retry(3)).to.equal('done');
    expect(await tools.withDefault()).to.deep.equal(['fallback', 7]);
    expect(await tools.withDefault(1, { y: 2 })).to.deep.equal([1, 2]);
    expect(await tools.countDown(3)).to.equal(7);
    expect(await (await tools.outer(1))(2)).to.deep.equal([7, 1, 2]);
    expect(await tools.rest(1, 2, 3)).to.deep.equal([7, 1, [2, 3]]);
    expect(await tools.save(5)).to.deep.equal([7, 5]);
    expect(await tools.method({ name: 'n' }, ['f'])).to.deep.equal([7, 'n', 'f']);
  });

  it('give each call its own copy of the captured values, as a call from the browser gets', async () => {
    const { Poll } = await load(`export function Poll() {
  let votes = 0;
  async function vote() {
    "use server";
    votes += 1;
    return votes;
  }
  return { vote, votes: () => votes };
}
`);
    const poll = Poll();
    expect([await poll.vote(), await poll.vote(), poll.votes()]).to.deep.equal([1, 1, 0]);
  });
});
