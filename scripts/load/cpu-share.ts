/**
 * Where the server's CPU went in a profiled round: each sample of the inspector's CPU profile is given
 * to the function it was taken in (self time), and that function to the source file it was bundled
 * from, through the bundle's source map (the example's bundles are built with `devtool: 'source-map'`;
 * in production they are minified, so the bundle's own text names no module). The request helper's
 * share is the samples in this package's runtime files (dist/runtime/**), against every sample but
 * idle ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import type { CpuProfile } from './server-process';

export interface CpuShare {
  /** Samples taken while the server was doing something (idle ones left out). */
  samples: number;
  /** The share of them in the package's runtime files, 0 to 1. */
  runtime: number;
  /** The same, by runtime file (path under dist/runtime/), largest first. */
  runtimeFiles: Array<{ file: string; share: number }>;
  /** Every sample by where its function came from: runtime, React, busboy, the app, Node and V8, other. */
  byOrigin: Record<string, number>;
}

const RUNTIME_FILE = /(?:^|\/)dist\/runtime\/(.*)$/;

function originOf(source: string | undefined, url: string, functionName: string): string {
  if (source !== undefined) {
    if (RUNTIME_FILE.test(source)) return 'runtime';
    if (/node_modules\/react[^/]*\//.test(source)) return 'React';
    if (/node_modules\/(busboy|streamsearch)\//.test(source)) return 'busboy';
    if (/(^|\/)src\//.test(source)) return 'app';
    return 'other';
  }
  if (url === '' || url.startsWith('node:')) return /^\(/.test(functionName) ? `V8 ${functionName}` : 'Node';
  return 'other';
}

/** Source maps by bundle URL, read once; null for a file with none (Node's own, a script of this repo). */
function sourceMaps(): (url: string) => TraceMap | null {
  const maps = new Map<string, TraceMap | null>();
  return (url) => {
    if (!maps.has(url)) {
      let map: TraceMap | null = null;
      if (url.startsWith('file://')) {
        const file = `${fileURLToPath(url)}.map`;
        if (existsSync(file)) map = new TraceMap(readFileSync(file, 'utf8'));
      }
      maps.set(url, map);
    }
    return maps.get(url)!;
  };
}

export function cpuShare(profile: CpuProfile): CpuShare {
  const mapOf = sourceMaps();
  const byOrigin: Record<string, number> = {};
  const byRuntimeFile = new Map<string, number>();
  let samples = 0;
  for (const { hitCount = 0, callFrame } of profile.nodes) {
    if (hitCount === 0 || callFrame.functionName === '(idle)') continue;
    samples += hitCount;
    const map = mapOf(callFrame.url);
    // V8's positions are 0-based, a source map's lines 1-based.
    const source = map ? (originalPositionFor(map, { line: callFrame.lineNumber + 1, column: callFrame.columnNumber }).source ?? undefined) : undefined;
    const origin = originOf(source, callFrame.url, callFrame.functionName);
    byOrigin[origin] = (byOrigin[origin] ?? 0) + hitCount;
    const runtimeFile = source && RUNTIME_FILE.exec(source)?.[1];
    if (runtimeFile) byRuntimeFile.set(runtimeFile, (byRuntimeFile.get(runtimeFile) ?? 0) + hitCount);
  }
  const share = (count: number) => (samples === 0 ? 0 : count / samples);
  return {
    samples,
    runtime: share(byOrigin.runtime ?? 0),
    runtimeFiles: [...byRuntimeFile]
      .sort((a, b) => b[1] - a[1])
      .map(([file, count]) => ({ file, share: share(count) })),
    byOrigin: Object.fromEntries(Object.entries(byOrigin).map(([origin, count]) => [origin, share(count)])),
  };
}
