/**
 * The loader's hot path: a cheap look at a module's text that decides whether it is parsed at all.
 * It errs on the side of "maybe"; every hit is confirmed on the AST. Most modules contain none of the
 * strings and are passed on after two scans of their text.
 */
import type { Directive } from '../shared/module-record';

/**
 * True when the module may carry "use server" (at the top or in a function, where it must be found
 * wherever it is), "use client", or a slip such as "use sever", "use client " or ("use server"), which
 * fails the build (see `likelyDirective`).
 */
export function mayNeedTransform(source: string): boolean {
  return mayHaveDirective(source) || mayHaveNearMiss(source);
}

/**
 * "use server" anywhere, or "use client" as a statement. One pass over the mentions of "use ": V8 finds
 * that short pattern two to four times faster than `includes('use server')`, and a second `includes`
 * for "use client" would be a second pass.
 */
export function mayHaveDirective(source: string): boolean {
  // Mentions of "use " cannot overlap, so the next search starts after this one.
  for (let at = source.indexOf('use '); at >= 0; at = source.indexOf('use ', at + 4)) {
    if (source.startsWith('server', at + 4)) return true;
    if (source.startsWith('client', at + 4) && isClientDirectiveStatement(source, at)) return true;
  }
  return false;
}

// "use client" is a statement of its own (a directive, or a misplaced one the loader reports): a
// quoted string that starts a line or follows `;`, a brace or a comment, with only spaces, tabs and
// opening parentheses between (a line break is itself a start). Spaces inside the quotes and the
// parentheses of `("use client")` are slips the loader reports. Mentioned inside other text, as React
// DOM's error messages do, it does not send a 1 MB file to the parser. Checked from each mention
// outwards: a regex over the whole text, trying every line start and `;`, cost React DOM's
// development build 3 ms.
const STATEMENT_START = /[\n\r\u2028\u2029;{}/]/;
const SPACE_WITHIN_LINE = /[^\S\n\r\u2028\u2029]/;

/** Whether the "use client" at `at` (its "u") is quoted and starts a statement. */
function isClientDirectiveStatement(source: string, at: number): boolean {
  let after = at + 'use client'.length;
  while (after < source.length && SPACE_WITHIN_LINE.test(source[after])) after += 1;
  const quote = source[after];
  if (quote !== '"' && quote !== "'") return false;
  let before = at - 1;
  while (before >= 0 && SPACE_WITHIN_LINE.test(source[before])) before -= 1;
  if (source[before] !== quote) return false;
  before -= 1;
  while (before >= 0 && (source[before] === '(' || SPACE_WITHIN_LINE.test(source[before]))) before -= 1;
  return before < 0 || STATEMENT_START.test(source[before]);
}

// The quoted strings that may be a slip `likelyDirective` names: 8 to 12 characters that start with
// "us" (every string within two edits of "use server" or "use client", in the shape almost every slip
// keeps, and "use action"), or "use server" or "use client" with words after it. Spaces before "use"
// are left to `mayHaveDirective`: allowing them here made this scan of React DOM four times slower.
const NEAR_MISS = /(["'])(us[^"'\n]{6,10}|use[\s_-]*(?:server|client)[\s_-][^"'\n]*)\1/gi;

export function mayHaveNearMiss(source: string): boolean {
  NEAR_MISS.lastIndex = 0;
  for (let match = NEAR_MISS.exec(source); match; match = NEAR_MISS.exec(source)) {
    if (likelyDirective(match[2])) return true;
    // Let the closing quote start the next candidate: it may open a string of its own.
    NEAR_MISS.lastIndex = match.index + match[0].length - 1;
  }
  return false;
}

const DIRECTIVES: readonly Directive[] = ['use server', 'use client'];

// Names for the directives that are not a slip of the keyboard: React's server functions were called
// "Server Actions" until React 19, and "use action" turns up in real "use server" files. Other
// directives of other tools ("use cache", "use memo", "use no memo", "use strict", "use node",
// "use dom", "use step") are none of these and stay at three edits or more from both.
const OTHER_NAMES = new Map<string, Directive>([
  ['use action', 'use server'],
  ['use actions', 'use server'],
]);

/** A directive string as it is compared: lower case, runs of spaces, `-` and `_` as one space. */
export function normaliseDirective(written: string): string {
  return written.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}

/**
 * The directive that a string was probably meant to be, or null: "use server" or "use client" with a
 * slip (within two edits once case, spaces, `-` and `_` are set aside: "use sever", "use client ",
 * "use  server", "Use-Client"), with words after it ("use server only", "use client-side"), or under
 * another name ("use action"). The loader asks only of strings in a directive's place.
 */
export function likelyDirective(written: string): Directive | null {
  if (written === 'use server' || written === 'use client') return null;
  const normalised = normaliseDirective(written);
  for (const directive of DIRECTIVES) {
    if (editDistance(normalised, directive) <= 2 || normalised.startsWith(`${directive} `)) return directive;
  }
  return OTHER_NAMES.get(normalised) ?? null;
}

// One row of the table, updated in place. "use strict" opens most modules and is checked in each: a row
// allocated per character (and Array.from) made that 1.4 µs, most of the near-miss pass on a small module.
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const row: number[] = [];
  for (let j = 0; j <= b.length; j += 1) row.push(j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j];
      row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/g;

function lineEnd(source: string, start: number): number {
  LINE_TERMINATOR.lastIndex = start;
  const match = LINE_TERMINATOR.exec(source);
  return match ? match.index + 1 : source.length;
}

export function skipTrivia(source: string, start: number): number {
  let index = start;
  while (index < source.length) {
    if (/\s/.test(source[index])) {
      index += 1;
    } else if (source.startsWith('//', index)) {
      index = lineEnd(source, index);
    } else if (source.startsWith('/*', index)) {
      const end = source.indexOf('*/', index + 2);
      index = end < 0 ? source.length : end + 2;
    } else {
      return index;
    }
  }
  return index;
}
