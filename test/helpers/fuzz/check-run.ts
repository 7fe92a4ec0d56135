/**
 * The fuzzer's invariant. The loader never throws and never reports an internal error: each module
 * either builds to code that parses as JavaScript, or fails with located build errors (defined by
 * `whyNotLocated`) and code that only throws.
 */
import { parse, type ParserPlugin } from '@babel/parser';
import { traverseFast } from '@babel/types';
import type * as t from '@babel/types';
import { ServerActionsBuildError } from '../../../loader/located-error';
import { toRelativePath } from '../../../shared/ids';
import type { LoaderRun, LoaderRunInput } from './run-loader';

export type Outcome = 'passed-through' | 'kept' | 'inline' | 'generated' | 'rejected';

export type Verdict =
  | { ok: true; outcome: Outcome }
  /** The checker's own parser ran out of stack on the output: says nothing about the loader. */
  | { ok: true; outcome: 'unchecked' }
  | { ok: false; problem: string };

/** Lines as Babel's parser and @babel/code-frame count them. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;

/**
 * The module's lines as Babel numbers them in the syntax tree. Babel 7.29 does not count the U+2028 or
 * U+2029 of a line continuation (`\` then U+2028 in a string literal) as a line break, so every node
 * after one is a line short (babel/babel#17395). The loader passes those positions on; that is Babel's
 * bug, not the loader's, so the check accepts them: such separators become spaces (same columns).
 * A rough scan for strings and comments is enough: modules with such a string are rare.
 */
function babelLines(source: string): string[] {
  if (!/\\[\u2028\u2029]/.test(source)) return source.split(LINE_BREAK);
  let text = '';
  let quote: string | null = null;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (quote) {
      if (char === '\\') {
        const next = source[i + 1] ?? '';
        text += char + (next === '\u2028' || next === '\u2029' ? ' ' : next);
        i += 1;
        continue;
      }
      if (char === quote || (quote !== '`' && /[\n\r]/.test(char))) quote = null;
    } else if (char === '"' || char === "'" || char === '`') {
      quote = char;
    } else if (source.startsWith('//', i) || source.startsWith('/*', i)) {
      const stop = commentEnd(source, i);
      text += source.slice(i, stop);
      i = stop - 1;
      continue;
    }
    text += char;
  }
  return text.split(LINE_BREAK);
}

function commentEnd(source: string, start: number): number {
  if (source.startsWith('/*', start)) {
    const end = source.indexOf('*/', start + 2);
    return end < 0 ? source.length : end + 2;
  }
  const lineBreak = /[\n\r\u2028\u2029]/g;
  lineBreak.lastIndex = start;
  return lineBreak.exec(source)?.index ?? source.length;
}

/**
 * Why an error the loader emitted is not a located build error, or null when it is one. Located, as
 * loader/located-error.ts makes them, means all of:
 * - it is a ServerActionsBuildError (named so) with a `loc` inside the module: `line` an integer from 1
 *   to the module's number of lines, `column` an integer from 0 to that line's length (UTF-16 code
 *   units), lines split as the parser and the code frame split them;
 * - its message starts with `<path relative to the root>:<line>:<column + 1>: ` and says what is wrong
 *   right after it (one sentence end, not `..`), then shows a code frame whose marked line (`> N |`)
 *   is `line`;
 * - its stack is hidden: `hideStack` is true and `stack` is the message (no frames of the loader).
 */
export function whyNotLocated(error: unknown, source: string, relativePath: string): string | null {
  if (!(error instanceof ServerActionsBuildError) || error.name !== 'ServerActionsBuildError') {
    return `not a ServerActionsBuildError: ${describeError(error)}`;
  }
  const { line, column } = error.loc ?? {};
  // Lines as they are, or as Babel numbers them when it gets them wrong (see `babelLines`).
  const numberings = [source.split(LINE_BREAK), babelLines(source)];
  const inside = (lines: string[]) =>
    Number.isInteger(line) && line >= 1 && line <= lines.length && Number.isInteger(column) && column >= 0 && column <= lines[line - 1].length;
  if (!numberings.some(inside)) {
    const lines = numberings[0];
    if (!Number.isInteger(line) || line < 1 || line > lines.length) return `line ${line} is not a line of the module (1 to ${lines.length})`;
    return `column ${column} is not within line ${line} (0 to ${lines[line - 1].length})`;
  }
  const prefix = `${relativePath}:${line}:${column + 1}: `;
  if (!error.message.startsWith(prefix)) return `message does not start with ${JSON.stringify(prefix)}: ${error.message.slice(0, 200)}`;
  const firstLine = error.message.slice(prefix.length).split('\n')[0];
  if (!/^\S/.test(firstLine)) return 'message says nothing after the location';
  if (firstLine.endsWith('..')) return `message ends its sentence twice: ${firstLine}`;
  const marked = [...error.message.matchAll(/^>\s*(\d+) \|/gm)].at(-1);
  if (!marked) return 'message has no code frame with a marked line';
  if (Number(marked[1]) !== line) return `code frame marks line ${marked[1]}, the error is on line ${line}`;
  if (error.hideStack !== true || error.stack !== '') return 'stack not hidden';
  return null;
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `${typeof error} ${String(error)}`;
  // A few frames, relative and without `at`, so that mocha's stack filter leaves the report alone.
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 6)
    .map((line) => line.replace(/^\s+at /, '  in ').replaceAll(`${process.cwd()}/`, ''))
    .join('\n');
  return `${error.name}: ${error.message.slice(0, 300)}${frames ? `\n${frames}` : ''}`;
}

function pluginsFor(resourcePath: string): ParserPlugin[] {
  if (/\.(c|m)?tsx$/.test(resourcePath)) return ['typescript', 'jsx'];
  if (/\.(c|m)?ts$/.test(resourcePath)) return ['typescript'];
  return ['jsx'];
}

/** What became of the module, read from the record the loader left on `buildInfo`. */
function outcomeOf(input: LoaderRunInput, run: LoaderRun, code: string): Outcome {
  if (run.errors.length > 0) return 'rejected';
  if (code === input.source) return 'passed-through';
  const directive = run.record?.directive;
  // Inline functions inside a "use server" file's functions: the file is printed anew, hoisted.
  if (directive === 'use server' && input.layer === 'server') return run.record?.inlineServerFunctions ? 'inline' : 'kept';
  return directive ? 'generated' : 'inline';
}

/** The output around a parse error, for the failure message. */
function excerpt(code: string, line: number): string {
  const lines = code.split(LINE_BREAK);
  return lines
    .slice(Math.max(0, line - 3), line + 2)
    .map((text, i) => `${String(Math.max(1, line - 2) + i).padStart(5)} | ${text.slice(0, 160)}`)
    .join('\n');
}

function whyNotParsing(code: string, plugins: ParserPlugin[]): string | 'stack' | null {
  try {
    parse(code, { sourceType: 'module', plugins });
    return null;
  } catch (error) {
    if (error instanceof RangeError) return 'stack';
    const loc = (error as { loc?: { line: number } }).loc;
    return `output does not parse: ${(error as Error).message}${loc ? `\n${excerpt(code, loc.line)}` : ''}`;
  }
}

/** What the loader recorded must be in its output: each ID it registered, proxied or referenced. */
function missingRecords(run: LoaderRun, code: string, outcome: Outcome): string | null {
  const record = run.record;
  if (!record) return 'no record on buildInfo';
  const ids = [
    ...(outcome !== 'passed-through' ? (record.serverFunctions ?? []).map((f) => f.id) : []),
    ...(outcome === 'inline' ? (record.inlineServerFunctions ?? []).flatMap((f) => [f.id, f.exportName]) : []),
    ...(outcome === 'generated' && record.clientExports?.length ? [record.clientReferenceId ?? 'a client reference ID'] : []),
  ];
  const missing = ids.filter((id) => !code.includes(id));
  return missing.length > 0 ? `recorded but not in the output: ${missing.join(', ')}` : null;
}

/**
 * A module passed on untouched must hold no directive: the loader's quick text scan (which spares most
 * modules the parser) may not miss a "use client" file or a "use server" function that Babel finds.
 */
function missedDirective(input: LoaderRunInput, run: LoaderRun): string | null {
  if (run.record?.directive || !/use (?:server|client)/.test(input.source)) return null;
  let ast: ReturnType<typeof parse>;
  try {
    ast = parse(input.source, { sourceType: 'module', plugins: pluginsFor(input.resourcePath) });
  } catch {
    return null; // not a module the loader could have transformed; webpack reports it
  }
  const file = ast.program.directives.find((d) => d.value.value === 'use server' || d.value.value === 'use client');
  if (file) return `passed on a module with the directive "${file.value.value}" (line ${file.loc?.start.line}) untouched`;
  let inline: number | undefined;
  try {
    traverseFast(ast.program, (node) => {
      const body = (node as { body?: t.Node }).body;
      if (body?.type === 'BlockStatement' && body.directives.some((d) => d.value.value === 'use server')) inline ??= node.loc?.start.line;
    });
  } catch (error) {
    if (error instanceof RangeError) return null; // too deep for this check's own walk
    throw error;
  }
  return inline === undefined ? null : `passed on a module with a "use server" function (line ${inline}) untouched`;
}

export function checkRun(input: LoaderRunInput, run: LoaderRun): Verdict {
  const fail = (problem: string): Verdict => ({ ok: false, problem });
  if ('thrown' in run) return fail(`threw ${describeError(run.thrown)}`);
  if (run.calls.length !== 1) return fail(`called back ${run.calls.length} times (synchronously), not once`);
  const [{ error, code }] = run.calls;
  if (error) return fail(`called back with an error (not located): ${describeError(error)}`);
  if (typeof code !== 'string') return fail(`called back with ${typeof code} code`);
  if (run.record?.layer !== input.layer) return fail(`recorded layer ${run.record?.layer}, not ${input.layer}`);
  const relativePath = toRelativePath(input.root, input.resourcePath);
  for (const [kind, list] of [['error', run.errors], ['warning', run.warnings]] as const) {
    for (const problem of list) {
      const why = whyNotLocated(problem, input.source, relativePath);
      if (why) return fail(`emitted a ${kind} that is not located: ${why}`);
    }
  }
  const outcome = outcomeOf(input, run, code);
  if (outcome === 'passed-through') {
    const missed = missedDirective(input, run);
    return missed ? fail(missed) : { ok: true, outcome };
  }
  if (outcome === 'rejected' && !/^throw new Error\("(?:[^"\\\n]|\\.)*"\);\n$/.test(code)) {
    return fail(`rejected the module but its output is more than a throw:\n${code.slice(0, 300)}`);
  }
  // Generated and rejected modules are plain JavaScript; the user's code keeps the syntax of its file.
  const plugins = outcome === 'generated' || outcome === 'rejected' ? [] : pluginsFor(input.resourcePath);
  const parseProblem = whyNotParsing(code, plugins);
  if (parseProblem === 'stack') return { ok: true, outcome: 'unchecked' };
  if (parseProblem) return fail(parseProblem);
  if (outcome === 'rejected') return { ok: true, outcome };
  const missing = missingRecords(run, code, outcome) ?? linesMoved(input, code, outcome);
  return missing ? fail(missing) : { ok: true, outcome };
}

const REGISTRATION_FOOTER = '\n;import { registerServerReference as ';

/** A "use server" file on the server keeps its lines where they were (its source map says so). */
function linesMoved(input: LoaderRunInput, code: string, outcome: Outcome): string | null {
  if (outcome !== 'kept') return null;
  const footer = code.lastIndexOf(REGISTRATION_FOOTER);
  if (footer < 0) return 'kept a "use server" file without registering its functions';
  const before = input.source.split(LINE_BREAK).length;
  const after = code.slice(0, footer).split(LINE_BREAK).length;
  return before === after ? null : `kept a "use server" file but moved its lines (${before} lines became ${after})`;
}

/**
 * What the layers learn about one module must agree where the plugin matches them up: the same server
 * functions under the same IDs (a browser proxy calls what the server registered), the same client
 * reference and exports. Only runs without errors are compared.
 */
export function checkLayersAgree(runs: { layer: string; run: LoaderRun }[]): string | null {
  const clean = runs.filter(({ run }) => run.errors.length === 0 && run.record);
  const facts = ({ run }: { run: LoaderRun }) =>
    JSON.stringify([run.record!.directive, run.record!.serverFunctions, run.record!.clientReferenceId, run.record!.clientExports]);
  const differing = clean.find((entry) => facts(entry) !== facts(clean[0]));
  return differing ? `the ${clean[0].layer} and ${differing.layer} layers disagree: ${facts(clean[0])} vs ${facts(differing)}` : null;
}
