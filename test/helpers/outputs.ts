/** Reads what a fixture app's build emitted, to compare two builds file by file. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export type EmittedFiles = Record<string, string>;

/** Every file under dist/, keyed by its path relative to dist/ (POSIX separators). */
export function emittedFiles(dir: string): EmittedFiles {
  const dist = path.join(dir, 'dist');
  const files: EmittedFiles = {};
  if (!existsSync(dist)) return files;
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dist, file).split(path.sep).join('/')] = readFileSync(file, 'utf8');
  }
  return files;
}

/** The files that differ between two builds or exist in one only, sorted. */
export function differingFiles(a: EmittedFiles, b: EmittedFiles): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((file) => a[file] !== b[file]).sort();
}

/** What differs, file by file, with the first differing line of each file: empty when equal. */
export function describeDifferences(actual: EmittedFiles, expected: EmittedFiles): string[] {
  return differingFiles(actual, expected).map((file) => {
    if (actual[file] === undefined) return `${file}: missing`;
    if (expected[file] === undefined) return `${file}: not in the clean build`;
    return `${file}: ${firstDifferentLine(actual[file], expected[file])}`;
  });
}

function firstDifferentLine(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  const line = a.findIndex((text, index) => text !== e[index]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}\n    clean build: ${JSON.stringify(e[at] ?? '(end)')}\n    watch build: ${JSON.stringify(a[at] ?? '(end)')}`;
}
