/**
 * A cheap look at a module's directive prologue, so that the loader parses only the modules that may
 * carry "use server" or "use client". It errs on the side of "maybe": every hit is confirmed on the AST.
 */
import type { Directive } from '../shared/module-record';

const MARKERS = ['use server', 'use client'] as const;

/** True when the source might start with a "use server" or "use client" directive. */
export function mayHaveDirective(source: string): boolean {
  // Plain substring checks first: most modules contain neither string and are done here.
  if (!source.includes('use server') && !source.includes('use client')) return false;
  return scanPrologue(source).length > 0;
}

/**
 * The directive strings found at the start of the source, skipping comments, whitespace and a
 * hashbang. Stops at the first token that is not a string-literal statement.
 */
export function scanPrologue(source: string): Directive[] {
  const found: Directive[] = [];
  let index = source.startsWith('#!') ? lineEnd(source, 0) : 0;
  for (;;) {
    index = skipTrivia(source, index);
    const quote = source[index];
    if (quote !== '"' && quote !== "'") return found;
    const end = stringEnd(source, index);
    if (end < 0) return found;
    const text = source.slice(index + 1, end);
    const marker = MARKERS.find((candidate) => candidate === text);
    if (marker) found.push(marker);
    index = skipTrivia(source, end + 1);
    if (source[index] === ';') index += 1;
  }
}

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/g;

function lineEnd(source: string, start: number): number {
  LINE_TERMINATOR.lastIndex = start;
  const match = LINE_TERMINATOR.exec(source);
  return match ? match.index + 1 : source.length;
}

function stringEnd(source: string, start: number): number {
  const quote = source[start];
  for (let index = start + 1; index < source.length; index += 1) {
    if (source[index] === '\\') index += 1;
    else if (source[index] === quote) return index;
  }
  return -1;
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
