/**
 * The words the fuzzer writes with: names (among them the ones the loader itself generates, so that
 * its fresh names are put to the test), odd characters, string contents and directive spellings.
 */
import type { Random } from './prng';

const ASCII_NAMES = [
  'a', 'b', 'c', 'x', 'y', 'i', 'id', 'act', 'save', 'data', 'props', 'items', 'note', 'formData',
  'createNote', 'deleteNote', 'Note', 'Button', 'Page', 'db', 'fn', 'value', 'title', 'state',
  '_', '$', '$$', '_a', 'A1', 'default_', 'then', 'bind', 'constructor_', 'proto',
];

/** Names the loader's output declares or imports: a module that uses them must still work. */
export const LOADER_NAMES = [
  '__registerServerReference', '__registerServerReference1', '__serverFunction_default',
  '__serverFunction_default1', '__proxy0', '__client0', '_registerServerReference', '_captureValues',
  '_openCapturedValues', '_captured', '_args', 'registerServerReference', 'createServerReference',
  'callServer', 'captureValues', 'openCapturedValues', 'registerClientReference',
  '__webpack_server_actions_facade__',
];

/** Words that are names in some places only. */
const CONTEXTUAL_NAMES = ['async', 'of', 'get', 'set', 'as', 'from', 'target', 'meta', 'accessor', 'using'];

/** Valid identifiers beyond ASCII: other scripts, astral letters, joiners, Other_ID_Start letters. */
const UNICODE_NAMES = [
  'café', 'π', 'ダミー', 'Ωmega', 'ǅx', '℘', '℮', '゛x', '𝒜', '𐐀', '𝑓𝑛', 'a\u200Cb', 'a\u200Db', 'İ', 'ﬁle',
  'مرحبا', 'שלום', 'ⅷ',
];

/** The same names written with escapes: Babel reports them decoded. */
const ESCAPED_NAMES = [
  '\\u0061ct', '\\u{1D49C}x', 'a\\u0062c', '\\u005f_registerServerReference', '\\u005f_serverFunction_default',
  '\\u{61}', 'caf\\u00e9',
];

/** Not a binding name in strict module code: only for broken cases. */
export const FORBIDDEN_NAMES = ['await', 'yield', 'let', 'enum', 'arguments', 'eval', 'implements', 'static', 'package'];

export function pickName(rng: Random): string {
  const pool = rng.weighted<readonly string[]>([
    [70, ASCII_NAMES],
    [10, LOADER_NAMES],
    [6, CONTEXTUAL_NAMES],
    [9, UNICODE_NAMES],
    [5, ESCAPED_NAMES],
  ]);
  return rng.pick(pool);
}

/** Characters that break or bend source text: line and paragraph separators, marks, surrogates. */
export const ODD_CHARACTERS = [
  '\uFEFF', '\u2028', '\u2029', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202E',
  '\u2066', '\u2069', '\u00A0', '\u3000', '\u180E', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '😀', '𝒜',
  '\u0000', '\u007F', '\r', '\n', '\r\n', '\t', '\v', '\f', '\\', '`', '"', "'", '/', '*', '/*', '*/',
  '//', '{', '}', '(', ')', '[', ']', '<', '>', '</', '#', '#!', '@', '$', ';', ',', '.', '...', '=',
  '=>', '?.', '??', 'é', 'İ', '\u0301', '${', '<!--', '-->',
];

/** What string literals hold, before quoting. */
const STRING_CONTENTS = [
  '', 'hello', 'use server', 'use client', 'use sever', ' use server', 'use server ',
  'a\u2028b', 'rtl\u202Etxet', 'zero\u200Bwidth', 'bom\uFEFF', 'astral 😀 𝒜', 'lone \uD800 high',
  'lone \uDC00 low', '*/ not a comment', '</script>', '${not a template}', '\\', "'", '"', '`',
  'line\nbreak', 'nul\u0000', 'tab\there', 'ünïcödé', '__proto__', 'constructor', 'default',
];

/** A quoted string literal that always parses: escapes what must be escaped in `quote`. */
export function quote(content: string, quoteChar: '"' | "'" = '"'): string {
  const escaped = content
    .replace(/\\/g, '\\\\')
    .replace(quoteChar === '"' ? /"/g : /'/g, `\\${quoteChar}`)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
  return `${quoteChar}${escaped}${quoteChar}`;
}

export function pickString(rng: Random): string {
  const content = rng.pick(STRING_CONTENTS);
  const quoteChar = rng.chance(0.5) ? '"' : "'";
  if (rng.chance(0.15)) return rng.pick(ESCAPED_STRINGS);
  return quote(content, quoteChar);
}

/** String literals written with escapes: lone surrogates, escaped spaces, line continuations. */
const ESCAPED_STRINGS = [
  '"\\uD800"', '"\\uDC00\\uD800"', '"\\u{1F600}"', '"use\\x20server"', "'use\\u0020server'", '"use\\\nserver"',
  '"\\u2028"', '"\\0"', '"\\x00"', "'\\''", '"\\u{10FFFF}"',
];

/** The spellings of a directive: exact, quoted either way, and slips the loader should warn about. */
export function directiveSpelling(rng: Random, directive: 'use server' | 'use client'): string {
  const quoteChar = rng.chance(0.5) ? '"' : "'";
  if (rng.chance(0.8)) return `${quoteChar}${directive}${quoteChar}`;
  const [first, second] = directive.split(' ');
  const slips = [
    `${first} ${second.slice(0, 3)}${second.slice(4)}`, // use sever
    `${first}-${second}`,
    `${first}_${second}`,
    directive.toUpperCase(),
    `${first}  ${second}`,
    ` ${directive}`,
    `${directive} `,
    `${directive}s`,
    `us\u0435 ${second}`, // Cyrillic е
    `${first}\u00A0${second}`,
    `${first}\u200B${second}`,
    `${first}\\x20${second}`,
    `${first}\\u0020${second}`,
    `${first}\\\n ${second}`,
  ];
  return `${quoteChar}${rng.pick(slips)}${quoteChar}`;
}

export function pickOdd(rng: Random): string {
  return rng.pick(ODD_CHARACTERS);
}
