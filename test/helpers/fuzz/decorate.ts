/**
 * What is done to a module after it is written: other line terminators, a BOM, odd whitespace and
 * marks, deep nesting of every kind the parser recurses on, and sheer size.
 */
import type { Random } from './prng';
import { directiveSpelling, pickOdd } from './vocabulary';

/** Every JavaScript whitespace character, line terminators aside. */
const WHITESPACE = ['\t', '\v', '\f', ' ', '\u00A0', '\u1680', '\u2000', '\u2007', '\u200A', '\u202F', '\u205F', '\u3000', '\uFEFF'];
const LINE_TERMINATORS = ['\r\n', '\r', '\u2028', '\u2029'];

export function lineTerminators(rng: Random, source: string): string {
  const terminator = rng.pick(LINE_TERMINATORS);
  const all = rng.chance(0.5);
  return source.replace(/\n/g, () => (all || rng.chance(0.3) ? terminator : '\n'));
}

export function bom(source: string): string {
  return `\uFEFF${source}`;
}

/** Spaces become other whitespace; comments full of marks, joiners and surrogates appear between lines. */
export function oddWhitespace(rng: Random, source: string): string {
  let text = source.replace(/ /g, () => (rng.chance(0.2) ? rng.pick(WHITESPACE) : ' '));
  if (rng.chance(0.5)) {
    text = text.replace(/\n/g, () => (rng.chance(0.2) ? `\n/* ${rng.repeat(3, () => pickOdd(rng)).replace(/\*\//g, '')} */\n` : '\n'));
  }
  if (rng.chance(0.3)) text = text.replace(/\n/g, () => (rng.chance(0.1) ? '\n// \u202E\u200B\u2066 rtl \uD83D\n' : '\n'));
  return text;
}

export type DeepShape = (typeof DEEP_SHAPES)[number];

const DEEP_SHAPES = [
  'parens', 'arrays', 'objects', 'arrows', 'server-arrows', 'functions', 'blocks', 'ifs', 'ternaries', 'binary',
  'members', 'calls', 'jsx', 'templates', 'unary', 'classes',
] as const;

/** A statement that nests `depth` levels deep in one way. */
export function deepStatement(shape: DeepShape, depth: number): string {
  const nest = (open: string, middle: string, close: string) => `${open.repeat(depth)}${middle}${close.repeat(depth)}`;
  switch (shape) {
    case 'parens':
      return `x = ${nest('(', '1', ')')};`;
    case 'arrays':
      return `x = ${nest('[', '1', ']')};`;
    case 'objects':
      return `x = ${nest('{ a: ', '1', ' }')};`;
    case 'arrows':
      return `x = ${'() => '.repeat(depth)}1;`;
    case 'server-arrows':
      return `function Deep(v) { return ${nest('async (a) => { "use server"; return ', 'v', '; }')}; }`;
    case 'functions':
      return nest('function f(a) { ', 'return a;', ' }');
    case 'blocks':
      return nest('{ ', 'x;', ' }');
    case 'ifs':
      return `${'if (x) '.repeat(depth)}x;`;
    case 'ternaries':
      return `x = ${'a ? b : '.repeat(depth)}c;`;
    case 'binary':
      return `x = 1${' + 1'.repeat(depth)};`;
    case 'members':
      return `x = a${'.b'.repeat(depth)};`;
    case 'calls':
      return `x = f${'(1)'.repeat(depth)};`;
    case 'jsx':
      return `x = ${nest('<a>', 'text', '</a>')};`;
    case 'templates':
      return `x = ${nest('`${', '1', '}`')};`;
    case 'unary':
      return `x = ${'!'.repeat(depth)}1;`;
    case 'classes':
      return nest('class A { static m() { ', 'return 1;', ' } }');
  }
}

/** Nesting mostly within what code is written with, sometimes far beyond what any parser's stack holds. */
export function deepNesting(rng: Random, source: string): { source: string; shape: DeepShape; depth: number } {
  const shape = rng.pick(DEEP_SHAPES);
  const depth = rng.weighted<() => number>([
    [70, () => rng.int(1, 60)],
    [25, () => rng.int(60, 300)],
    [5, () => rng.int(2000, 30000)],
  ])();
  const limited = shape === 'server-arrows' ? Math.min(depth, 40) : depth;
  const snippet = deepStatement(shape, limited);
  const at = rng.chance(0.5) ? source.length : source.lastIndexOf('\n') + 1;
  return { source: `${source.slice(0, at)}\n${snippet}\n${source.slice(at)}`, shape, depth: limited };
}

/** A large module: a long comment, a long string, many statements, many exports or one long line. */
export function huge(rng: Random, source: string): string {
  const size = rng.int(50_000, 300_000);
  const filler = rng.pick([
    () => `/* ${'x'.repeat(size)} */\n`,
    () => `const big = "${'ü😀'.repeat(size / 3)}";\n`,
    () => Array.from({ length: size / 30 }, (_, i) => `const filler${i} = ${i} + "${i}";`).join('\n'),
    () => Array.from({ length: size / 60 }, (_, i) => `export async function action${i}(a) { return a; }`).join('\n'),
    () => Array.from({ length: size / 20 }, (_, i) => `f${i}(${i});`).join(''),
    () => `${rng.pick(['\n', '\r\n', ' \n', '\u2028', ';\n'])}`.repeat(size / 2),
  ])();
  const header = source.match(/^(?:\uFEFF)?(?:#![^\n]*\n)?(?:\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*(?:["'][^"'\n]*["'];?\s*)*/)?.[0] ?? '';
  return rng.chance(0.5)
    ? `${header}${filler}\n${source.slice(header.length)}`
    : `${source}\n${filler}\n${rng.chance(0.2) ? `${directiveSpelling(rng, 'use server')};` : ''}`;
}
