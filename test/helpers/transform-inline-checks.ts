/**
 * The checks of an output with inline "use server" functions, against what the test finds in the input on
 * its own: each recorded function exported and registered once, under its own ID, binding exactly the
 * variables it captures, and opening them in the registered function.
 */
import { traverse, type NodePath } from '@babel/core';
import type * as t from '@babel/types';
import { expect } from 'chai';
import type { TransformResult } from '../../loader/transform';
import type { InlineServerFunctionRecord } from '../../shared/module-record';
import { chainNamed, chainOf, expectedCaptures, type Chain } from './expected-captures';
import { CAPTURED_VALUES_MODULE, REGISTER_EXPORT_MODULE, REGISTER_MODULE, type Case } from './transform-cases';
import { allExportNames, importedLocal, importSources, parseInput } from './transform-module-syntax';

type FunctionPath = NodePath<t.Function>;

function hasUseServer(node: t.Function): boolean {
  return node.body.type === 'BlockStatement' && node.body.directives.some((d) => d.value.value === 'use server');
}

/** The functions of the input that carry "use server", keyed like the records: `line:column`, 1-based. */
function inlineFunctionsOf(input: t.File): Map<string, FunctionPath> {
  const found = new Map<string, FunctionPath>();
  traverse(input, {
    Function(fn) {
      // In a "use server" file, a top-level function is one of the file's exports, whatever it says.
      const isExport = input.program.directives.some((d) => d.value.value === 'use server') && fn.parentPath.getFunctionParent() === null;
      if (hasUseServer(fn.node) && !isExport) found.set(`${fn.node.loc!.start.line}:${fn.node.loc!.start.column + 1}`, fn);
    },
  });
  return found;
}

interface CaptureValuesCall {
  name: string;
  names: string[];
  /** The values read, as chains (`props?.note?.id`: props, note, id); null for any other expression. */
  values: (Chain | null)[];
  boundTo: string | null;
}

interface OpenCall {
  /** The function the call is in. */
  fn: t.Node | undefined;
  /** What the opened values are assigned to, as chains, in order. */
  targets: (Chain | null)[];
}

interface InlineCalls {
  /** Per ID, the export names its registrations are exported under. */
  registeredAs: Map<string, string[]>;
  registeredFunctions: Set<t.Node>;
  /** Per ID, the `captureValues(id, name, names, () => values)` calls. */
  captures: Map<string, CaptureValuesCall[]>;
  /** Per ID, the `openCapturedValues(id, _)` calls. */
  opens: Map<string, OpenCall[]>;
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
      if (callee.name === capture) push(calls.captures, stringValue(args[0]), captureValuesCall(call));
      if (callee.name === open) push(calls.opens, stringValue(args[0]), openCall(call));
    },
  });
  return calls;
}

/**
 * `let [a, b] = await open(id, _)` (whole variables), or `[a, props.note.id] = await open(id, _)` after
 * the `let` that declares them (paths, into objects rebuilt for them).
 */
function openCall(call: NodePath<t.CallExpression>): OpenCall {
  const awaited = call.parentPath;
  expect(awaited.isAwaitExpression(), 'openCapturedValues is awaited').to.equal(true);
  const parent = awaited.parent;
  const pattern = parent.type === 'VariableDeclarator' ? parent.id : parent.type === 'AssignmentExpression' ? parent.left : null;
  expect(pattern?.type, 'the opened values are destructured').to.equal('ArrayPattern');
  const targets = (pattern as t.ArrayPattern).elements.map((element) => (element ? chainOf(element) : null));
  if (parent.type === 'VariableDeclarator') expect(targets.every((target) => target?.keys.length === 0), 'declared whole').to.equal(true);
  return { fn: call.getFunctionParent()?.node, targets };
}

/** `captureValues(id, name, names, () => values)`, and the reference it is bound to by `ref.bind(null, _)`. */
function captureValuesCall(call: NodePath<t.CallExpression>): CaptureValuesCall {
  const [, name, names, read] = call.node.arguments;
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
  return {
    name: stringValue(name),
    names: (names as t.ArrayExpression).elements.map((e) => stringValue(e!)),
    values: (body as t.ArrayExpression).elements.map((e) => (e && isOptionalAtEachStep(e) ? chainOf(e) : null)),
    boundTo,
  };
}

/** A path is read with `?.` at every step, so that a null on the way does not fail the render. */
function isOptionalAtEachStep(node: t.Node): boolean {
  if (node.type === 'Identifier') return true;
  return node.type === 'OptionalMemberExpression' && node.optional && isOptionalAtEachStep(node.object);
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

export function checkInlineOutput(testCase: Case, result: TransformResult, output: t.File): void {
  const records = result.inlineServerFunctions ?? [];
  expect(records.length, 'inline server functions').to.be.greaterThan(0);
  const input = parseInput(testCase);
  const functions = inlineFunctionsOf(input);
  expect(records.map((r) => `${r.line}:${r.column}`).sort(), 'a record per function').to.deep.equal([...functions.keys()].sort());
  const captures = new Map(records.map((r) => [r, expectedCaptures(functions.get(`${r.line}:${r.column}`)!)]));
  const capturing = [...captures.values()].some((chains) => chains.length > 0);

  const calls = inlineCalls(output);
  expect([...calls.registeredAs.keys()].sort(), 'registered IDs').to.deep.equal(records.map((r) => r.id).sort());
  for (const record of records) checkInlineRecord(record, captures.get(record)!, calls);

  const runtime = [REGISTER_MODULE, ...(capturing ? [CAPTURED_VALUES_MODULE] : [])];
  // A "use server" file then registers its own exports (transform-registration-checks.ts checks how).
  const fileExports = result.directive === 'use server' ? [REGISTER_MODULE] : [];
  const imported = importSources(output).filter((source) => source !== REGISTER_EXPORT_MODULE);
  expect(imported, 'imports').to.deep.equal([...runtime, ...importSources(input), ...fileExports]);
  const exported = [...allExportNames(input), ...records.map((r) => r.exportName)];
  expect(allExportNames(output).sort(), 'exports').to.deep.equal(exported.sort());
  let withDirective = 0;
  const isFileExport = (fn: FunctionPath) => result.directive === 'use server' && (fn.parentPath.isProgram() || fn.parentPath.isExportDeclaration());
  traverse(output, {
    Function(fn) {
      // A "use server" file's top-level function that repeats the directive is one of its exports.
      if (!hasUseServer(fn.node) || isFileExport(fn)) return;
      withDirective += 1;
      expect(calls.registeredFunctions.has(fn.node), `the function at line ${fn.node.loc?.start.line} is registered`).to.equal(true);
    },
  });
  expect(withDirective, 'functions with "use server" in the output').to.equal(records.length);
}

function checkInlineRecord(record: InlineServerFunctionRecord, expected: Chain[], calls: InlineCalls): void {
  expect(calls.registeredAs.get(record.id), `${record.name}: registered once, under its export name`).to.deep.equal([record.exportName]);
  const captureCalls = calls.captures.get(record.id) ?? [];
  const opens = calls.opens.get(record.id) ?? [];
  if (expected.length === 0) {
    expect(captureCalls, `${record.name}: captured values`).to.deep.equal([]);
    expect(opens.length, `${record.name}: opened values`).to.equal(0);
    return;
  }
  expect(captureCalls.length, `${record.name}: bound once`).to.equal(1);
  const [{ name, names, values, boundTo }] = captureCalls;
  const text = (chains: (Chain | null)[]) => chains.map((chain) => JSON.stringify(chain));
  expect(text(values).sort(), `${record.name}: captured values`).to.deep.equal(text(expected).sort());
  expect(text(names.map(chainNamed)), `${record.name}: the values read are the names given`).to.deep.equal(text(values));
  expect(name, `${record.name}: the name given to captureValues`).to.equal(record.name);
  expect(boundTo, `${record.name}: the values are bound to its reference`).to.equal(record.exportName);
  expect(opens.length, `${record.name}: opened once`).to.equal(1);
  expect(calls.registeredFunctions.has(opens[0].fn!), `${record.name}: opened in the registered function`).to.equal(true);
  expect(text(opens[0].targets), `${record.name}: opened into what was read`).to.deep.equal(text(values));
}
