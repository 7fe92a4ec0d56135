/**
 * The loader's hot path: a cheap look at a module's text that decides whether it is parsed at all.
 * It errs on the side of "maybe"; every hit is confirmed on the AST. Most modules contain none of the
 * strings and are passed on after a few substring scans.
 */

/**
 * True when the module may carry "use server" (at the top or in a function, where it must be found
 * wherever it is), "use client", or a near-miss such as "use sever" that deserves a warning.
 */
export function mayNeedTransform(source: string): boolean {
  return source.includes('use server') || mayHaveClientDirective(source) || mayHaveNearMiss(source);
}

// "use client" is a statement of its own (a directive, or a misplaced one the loader reports): a
// quoted string that starts a line or follows `;`, a brace or a comment. Mentioned inside other text,
// as React DOM's error messages do, it does not send a 1 MB file to the parser. Only spaces and tabs
// may come between (a line break is itself a start): with `\s*`, every line of a long run of empty
// lines would rescan the rest of the run, which takes seconds.
const CLIENT_DIRECTIVE_STATEMENT = /(?:^|[\n\r\u2028\u2029;{}/])[^\S\n\r\u2028\u2029]*(["'])use client\1/;

function mayHaveClientDirective(source: string): boolean {
  return source.includes('use client') && CLIENT_DIRECTIVE_STATEMENT.test(source);
}

// A quoted string of 8 to 12 characters that starts with "us": the length of every string within two
// edits of "use server" or "use client", in the shape almost every slip keeps.
const NEAR_MISS = /(["'])(us[^"'\n]{6,10})\1/gi;

export function mayHaveNearMiss(source: string): boolean {
  NEAR_MISS.lastIndex = 0;
  for (let match = NEAR_MISS.exec(source); match; match = NEAR_MISS.exec(source)) {
    if (likelyDirective(match[2])) return true;
    // Let the closing quote start the next candidate: it may open a string of its own.
    NEAR_MISS.lastIndex = match.index + match[0].length - 1;
  }
  return false;
}

const DIRECTIVES = ['use server', 'use client'] as const;

/** The directive that a string one slip away from "use server" or "use client" was meant to be. */
export function likelyDirective(written: string): string | null {
  if ((DIRECTIVES as readonly string[]).includes(written)) return null;
  const normalised = written.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
  for (const directive of DIRECTIVES) {
    if (normalised === directive || editDistance(normalised, directive) <= 2) return directive;
  }
  return null;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
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
