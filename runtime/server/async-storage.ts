/**
 * AsyncLocalStorage without a static import of `node:async_hooks`: edge runtimes (workerd, Vercel's
 * edge, Deno, Bun) put the class on `globalThis`, and on Node the runtime's Node entries hand it over
 * (node-async-storage.ts). So a bundle made for an edge runtime from the Fetch entry never contains a
 * Node built-in, while Node needs no flag.
 */

export interface AsyncStorage<T> {
  run<R>(store: T, run: () => R): R;
  getStore(): T | undefined;
}

type AsyncStorageClass = new <T>() => AsyncStorage<T>;

let provided: AsyncStorageClass | undefined;

/** Called by node-async-storage.ts with `node:async_hooks`' class. */
export function provideAsyncLocalStorage(storageClass: AsyncStorageClass): void {
  provided ??= storageClass;
}

export function createAsyncStorage<T>(): AsyncStorage<T> {
  const storageClass = (globalThis as { AsyncLocalStorage?: AsyncStorageClass }).AsyncLocalStorage ?? provided;
  if (storageClass === undefined) {
    throw new Error(
      'webpack-server-actions: no AsyncLocalStorage. Run on Node, or on an edge runtime that provides ' +
        'globalThis.AsyncLocalStorage (Cloudflare Workers: the nodejs_als or nodejs_compat flag).',
    );
  }
  return new storageClass<T>();
}
