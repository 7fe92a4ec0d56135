/**
 * Serves the browser compiler's output (scripts, source maps, hot updates) under its public path, from
 * disk: webpack writes it there in watch mode. Never cached, since every build replaces it.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Whether it answered: a GET or HEAD under `publicPath` is answered with the file or 404. */
export function serveBuildOutput(request: IncomingMessage, response: ServerResponse, publicPath: string, outputPath: string): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (!pathname.startsWith(publicPath)) return false;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(publicPath.length));
  } catch {
    relative = '';
  }
  const file = path.join(outputPath, relative);
  const size = file.startsWith(outputPath + path.sep) ? fileSize(file) : null;
  if (size === null) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return true;
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': 'no-store',
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
  return true;
}

function fileSize(file: string): number | null {
  try {
    const stats = statSync(file);
    return stats.isFile() ? stats.size : null;
  } catch {
    return null;
  }
}

/** The browser compiler's public path as a URL path: the dev server must know where its files are asked for. */
export function publicPathOf(publicPath: unknown, compilerName: string): string {
  if (typeof publicPath !== 'string' || publicPath === 'auto' || !publicPath.startsWith('/')) {
    throw new Error(
      `webpack-server-actions/dev: the ${compilerName} compiler's output.publicPath is ${JSON.stringify(publicPath)}; ` +
        'the dev server serves its files under that path, so set it to an absolute path such as "/assets/".',
    );
  }
  return publicPath.endsWith('/') ? publicPath : `${publicPath}/`;
}
