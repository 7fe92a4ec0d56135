/**
 * The encryption key the plugin makes when none is configured. One key per plugin instance, so that
 * every rebuild in watch mode keeps it and open pages keep working; and kept in webpack's cache, so
 * that a build restored from the filesystem cache builds the key it built before. A new key in each
 * process would change the server bundle's runtime on every build, and with it the cache: a warm
 * build would then store the cache again each time, which costs as much as the rest of the build at
 * a few thousand modules. Where each bundler keeps it: bundler/key-store.ts.
 */
import { randomBytes } from 'node:crypto';
import type { Compiler } from 'webpack';
import { keyStore } from './bundler/key-store';

const KEY_BYTES = 32;

function isKey(value: unknown): value is string {
  return typeof value === 'string' && Buffer.from(value, 'base64').length === KEY_BYTES;
}

export class GeneratedKey {
  private key: Promise<string> | undefined;
  private value: string | undefined;

  /**
   * Makes the key ready before a compilation of `compiler`: the one this instance has, else the one
   * the first compiler's cache holds, else a new one. Each compiler's cache gets it once; storing it
   * again would mark the cache changed.
   */
  async prepare(compiler: Compiler, pluginName: string): Promise<void> {
    const store = keyStore(compiler, pluginName);
    const stored = await store.get();
    this.key ??= Promise.resolve(isKey(stored) ? stored : randomBytes(KEY_BYTES).toString('base64'));
    this.value = await this.key;
    if (stored !== this.value) await store.store(this.value);
  }

  /** The key; `prepare` has run for the compiler that asks. */
  get current(): string {
    if (this.value === undefined) throw new Error('webpack-server-actions: the generated key was read before it was prepared.');
    return this.value;
  }
}
