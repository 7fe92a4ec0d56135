/** A build's errors: as the terminal prints them, and as the page shows them (no colours). */
import type { Stats } from 'webpack';

// ANSI colour codes (Babel's code frames and webpack's stats carry them when stdout is a terminal).
const ANSI = /\u001b\[[0-9;]*m/g;

/** One string per error, each naming its compiler and file: the message with its code frame. */
export function errorsForPage(stats: Stats[]): string[] {
  return stats.flatMap((compilerStats) => {
    const { errors = [] } = compilerStats.toJson({ all: false, errors: true, moduleTrace: false, errorDetails: false });
    return errors.map((error) => {
      const where = [error.moduleName, error.loc].filter(Boolean).join(' ');
      const message = error.message.replace(ANSI, '');
      return `[${compilerStats.compilation.name}] ${where && !message.includes(where) ? `${where}\n` : ''}${message}`;
    });
  });
}

/** What the terminal prints: webpack's own errors-and-warnings view of each compiler that has any. */
export function problemsForTerminal(stats: Stats[], colors: boolean): string {
  return stats
    .filter((compilerStats) => compilerStats.hasErrors() || compilerStats.hasWarnings())
    .map((compilerStats) => compilerStats.toString({ preset: 'errors-warnings', colors }))
    .join('\n');
}
