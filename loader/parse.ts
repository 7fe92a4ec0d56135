/** Parsing with Babel's parser, with the syntax plugins a file's extension calls for. */
import { parse, type ParserPlugin } from '@babel/parser';
import type { File } from '@babel/types';

/** Whether a file is parsed as TypeScript (its parser lets more through: see inline-precheck.ts). */
export function parsesAsTypeScript(resourcePath: string): boolean {
  return /\.(c|m)?tsx?$/.test(resourcePath);
}

function pluginsFor(resourcePath: string): ParserPlugin[] {
  if (/\.(c|m)?tsx$/.test(resourcePath)) return ['typescript', 'jsx'];
  if (/\.(c|m)?ts$/.test(resourcePath)) return ['typescript'];
  return ['jsx'];
}

export function parseModule(source: string, resourcePath: string): File {
  return parse(source, {
    sourceType: 'module',
    sourceFilename: resourcePath,
    allowReturnOutsideFunction: false,
    errorRecovery: false,
    plugins: pluginsFor(resourcePath),
  });
}
