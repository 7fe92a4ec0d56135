/**
 * A round of builds in which any compiler failed must not reach open pages as a hot update: when the
 * server build fails, the client components it would have named drop out of the browser build too, and
 * applying that update would remove them from under the running page. So:
 * - webpack-hot-middleware hears of a browser build only through a relay that the dev server fires
 *   once the whole round has succeeded;
 * - the browser compiler's records (from which webpack computes the next hot update) are put back as
 *   they were before a failed round, so that the next good build's update starts from what the pages
 *   run, not from the build they never applied.
 */
import type { Compiler, Stats } from 'webpack';

type Listener<T extends unknown[]> = (...args: T) => void;

/** The part of a compiler that webpack-hot-middleware listens to, fired by the dev server. */
export function createHotRelay() {
  const invalid: Array<Listener<[]>> = [];
  const done: Array<Listener<[Stats]>> = [];
  return {
    hooks: {
      invalid: { tap: (_name: string, listener: Listener<[]>) => void invalid.push(listener) },
      done: { tap: (_name: string, listener: Listener<[Stats]>) => void done.push(listener) },
    },
    invalid: () => invalid.forEach((listener) => listener()),
    done: (stats: Stats) => done.forEach((listener) => listener(stats)),
  };
}

export function holdBrowserUpdates(browser: Compiler) {
  let before: Compiler['records'] | null = null;
  let built = false;
  let held = false;
  browser.hooks.compile.tap('webpack-server-actions/dev', () => {
    before = structuredClone(browser.records);
  });
  browser.hooks.done.tap('webpack-server-actions/dev', () => {
    built = true;
  });
  return {
    /** The round failed: what the browser compiler built in it is forgotten. */
    discardRound(): void {
      if (built && before) {
        browser.records = before;
        held = true;
      }
      built = false;
    },
    /** The round succeeded: whether there is a browser build for the pages to apply. */
    releaseRound(): boolean {
      const release = built || held;
      built = false;
      held = false;
      return release;
    },
  };
}
