/**
 * Where a compiler keeps the generated encryption key between processes (generated-key.ts says why).
 *
 * - webpack: the compiler's cache (`compiler.getCache`), which its filesystem cache writes to disk.
 * - Rspack's `compiler.getCache` lives in memory only. With a persistent cache, the key is kept in a
 *   file of the compiler's cache location (`cache.storage.location`, which Rspack normalises to the
 *   storage directory joined with the cache name), next to what Rspack keeps there: it is dropped with
 *   the cache, as webpack's is. Rspack's memory cache dies with the process, so there the key does too.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Compiler } from 'webpack';
import { isRspack } from './detect';

const CACHE_IDENTIFIER = 'generated encryption key';
const KEY_FILE = 'webpack-server-actions-generated-key';

export interface KeyStore {
  get(): Promise<unknown>;
  store(key: string): Promise<void>;
}

interface RspackPersistentCache {
  type: 'persistent';
  readonly?: boolean;
  storage?: { type?: string; directory?: string; location?: string };
}

export function keyStore(compiler: Compiler, pluginName: string): KeyStore {
  const location = isRspack(compiler) ? persistentCacheLocation(compiler) : undefined;
  if (location) return fileKeyStore(location.directory, location.readonly);
  const cache = compiler.getCache(pluginName);
  return {
    get: () => cache.getPromise<unknown>(CACHE_IDENTIFIER, null),
    store: (key) => cache.storePromise(CACHE_IDENTIFIER, null, key),
  };
}

function persistentCacheLocation(compiler: Compiler): { directory: string; readonly: boolean } | undefined {
  const cache = compiler.options.cache as unknown as RspackPersistentCache | boolean | undefined;
  if (typeof cache !== 'object' || cache.type !== 'persistent' || cache.storage?.type !== 'filesystem') return undefined;
  const directory = cache.storage.location ?? cache.storage.directory;
  return directory ? { directory, readonly: cache.readonly === true } : undefined;
}

function fileKeyStore(directory: string, readonly: boolean): KeyStore {
  const file = path.join(directory, KEY_FILE);
  return {
    async get() {
      try {
        return (await readFile(file, 'utf8')).trim();
      } catch {
        return undefined;
      }
    },
    async store(key) {
      if (readonly) return;
      await mkdir(directory, { recursive: true });
      // Readable by its owner only, as the key decrypts the values that pages send back.
      await writeFile(file, `${key}\n`, { mode: 0o600 });
    },
  };
}
