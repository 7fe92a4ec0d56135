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
  let index = source.startsWith('#!') ? source.indexOf('\n') : 0;
  if (index < 0) return found;
  for (;;) {
    index = skipTrivia(source, index);
    const quote = source[index];
    if (quote !== '"' && quote !== "'") return found;
    const end = source.indexOf(quote, index + 1);
    if (end < 0) return found;
    const text = source.slice(index + 1, end);
    const marker = MARKERS.find((candidate) => candidate === text);
    if (marker) found.push(marker);
    index = skipTrivia(source, end + 1);
    if (source[index] === ';') index += 1;
  }
}

function skipTrivia(source: string, start: number): number {
  let index = start;
  while (index < source.length) {
    const char = source[index];
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\uFEFF') {
      index += 1;
    } else if (source.startsWith('//', index)) {
      const end = source.indexOf('\n', index);
      index = end < 0 ? source.length : end + 1;
    } else if (source.startsWith('/*', index)) {
      const end = source.indexOf('*/', index + 2);
      index = end < 0 ? source.length : end + 2;
    } else {
      return index;
    }
  }
  return index;
}
