/**
 * Mutations of a valid module: tokens deleted, duplicated, swapped or replaced, the text cut short
 * (perhaps inside a surrogate pair), odd characters inserted, directives dropped in. The tokenizer is
 * rough on purpose: it only has to find places worth breaking.
 */
import type { Random } from './prng';
import { directiveSpelling, pickName, pickOdd, pickString } from './vocabulary';

const TOKEN =
  /[A-Za-z_$\u00C0-\uFFFF\\][\w$\u00C0-\uFFFF\\]*|\d[\d._xXa-fA-Fn]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|\/\/[^\n]*|\/\*[\s\S]*?\*\/|\s+|=>|\.\.\.|\?\.|[^\s]/g;

export function tokenize(source: string): string[] {
  return source.match(TOKEN) ?? [];
}

const isCode = (token: string) => !/^\s+$/.test(token);

const KEYWORDS = ['export', 'default', 'async', 'await', 'function', 'const', 'let', '*', '{', '}', '(', ')', '=>', 'static', 'get', 'new.target', 'this', 'super', 'arguments', 'yield', 'class', 'return', '#x', '<div>', '</div>'];

type Mutation = (rng: Random, tokens: string[]) => void;

function codeIndex(rng: Random, tokens: string[]): number {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const index = rng.int(0, tokens.length - 1);
    if (isCode(tokens[index])) return index;
  }
  return rng.int(0, tokens.length - 1);
}

const MUTATIONS: (readonly [number, Mutation])[] = [
  [3, (rng, tokens) => void tokens.splice(codeIndex(rng, tokens), 1)],
  [2, (rng, tokens) => {
    const index = codeIndex(rng, tokens);
    tokens.splice(index, 0, tokens[index]);
  }],
  [2, (rng, tokens) => {
    const a = codeIndex(rng, tokens);
    const b = rng.chance(0.5) ? Math.min(tokens.length - 1, a + 2) : codeIndex(rng, tokens);
    [tokens[a], tokens[b]] = [tokens[b], tokens[a]];
  }],
  [2, (rng, tokens) => {
    const index = codeIndex(rng, tokens);
    if (/^[A-Za-z_$\u00C0-\uFFFF\\]/.test(tokens[index])) tokens[index] = pickName(rng);
    else tokens.splice(index, 0, ' ', rng.pick(KEYWORDS), ' ');
  }],
  [2, (rng, tokens) => {
    const strings = tokens.flatMap((token, index) => (/^["'`]/.test(token) ? [index] : []));
    const index = strings.length > 0 ? rng.pick(strings) : codeIndex(rng, tokens);
    tokens[index] = rng.chance(0.6) ? directiveSpelling(rng, rng.pick(['use server', 'use client'])) : pickString(rng);
  }],
  [2, (rng, tokens) => {
    const index = codeIndex(rng, tokens);
    tokens.splice(index, 0, rng.repeat(rng.int(1, 3), () => pickOdd(rng)));
  }],
  [1, (rng, tokens) => {
    const index = codeIndex(rng, tokens);
    tokens.splice(index, 0, `${directiveSpelling(rng, rng.pick(['use server', 'use client']))};\n`);
  }],
  [1, (rng, tokens) => {
    // A quote of one kind closed by the other, or a string left open.
    const strings = tokens.flatMap((token, index) => (/^["']/.test(token) ? [index] : []));
    if (strings.length === 0) return;
    const index = rng.pick(strings);
    tokens[index] = rng.chance(0.5) ? tokens[index].slice(0, -1) : `${tokens[index].slice(0, -1)}${tokens[index][0] === '"' ? "'" : '"'}`;
  }],
  [1, (rng, tokens) => {
    // Lines joined: what automatic semicolon insertion relied on disappears.
    const breaks = tokens.flatMap((token, index) => (/\n/.test(token) ? [index] : []));
    if (breaks.length > 0) tokens[rng.pick(breaks)] = ' ';
  }],
];

/** 1 to 4 mutations of the tokens, then perhaps a cut at any character (a surrogate pair's middle too). */
export function mutate(rng: Random, source: string): string {
  const tokens = tokenize(source);
  if (tokens.length === 0) return pickOdd(rng);
  const count = rng.int(1, 4);
  for (let i = 0; i < count && tokens.length > 0; i += 1) rng.weighted(MUTATIONS)(rng, tokens);
  let text = tokens.join('');
  if (rng.chance(0.15)) text = text.slice(0, rng.int(0, text.length));
  return text;
}
