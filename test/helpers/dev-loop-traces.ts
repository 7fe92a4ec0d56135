/**
 * What the development loop puts into a browser bundle, as text that survives minification: the
 * packages it adds, its event stream's path, its dev client and banner, React Refresh's globals and
 * webpack's hot-update runtime. A production build must contain none of them; the dev loop's own build
 * contains them (dev-loop.test.ts checks that, so that these needles are known to find something).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const DEV_LOOP_TRACES = [
  'webpack-hot-middleware',
  'react-refresh',
  '$Refresh',
  '__webpack-server-actions/events',
  'dev-client',
  'webpack-server-actions-dev-errors',
  'hot-update',
];

/** `file: trace` for every trace in every file under `dir` (all of them, source maps included). */
export function devLoopTracesIn(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    for (const trace of DEV_LOOP_TRACES) if (text.includes(trace)) found.push(`${path.relative(dir, file)}: ${trace}`);
  }
  return found;
}
