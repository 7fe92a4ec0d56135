/**
 * Watch mode, through the Node API: a compiler that did not rebuild but now lacks a module is rebuilt.
 * The hard case: a new "use server" file imported only by a client component, which the server
 * compiler does not watch because nothing it builds imports the file.
 */
import { expect } from 'chai';
import webpack, { type MultiStats } from 'webpack';
import { appConfigs, errorsOf, readJson, requireBundle } from './helpers/build';
import { createFixtureApp, removeFixtureApps, writeSource } from './helpers/fixture-app';

describe('watch mode', () => {
  after(removeFixtureApps);

  it('rebuilds the server when a client component switches to a new "use server" file', async () => {
    const dir = createFixtureApp('app');
    const compiler = webpack(appConfigs(dir, { compilers: ['browser', 'server'] }));
    const builds: MultiStats[] = [];
    let notify: (() => void) | undefined;
    const watching = compiler.watch({ aggregateTimeout: 20 }, (error, stats) => {
      if (error) throw error;
      builds.push(stats!);
      notify?.();
    });
    const serverFunctionNames = () =>
      Object.values(readJson(dir, 'server', 'server-actions-manifest.json')).map((entry: any) => entry.name).sort();
    const until = (done: () => boolean) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out; saw ${serverFunctionNames().join(', ')}`)), 20_000);
        notify = () => {
          if (!done()) return;
          clearTimeout(timer);
          resolve();
        };
        notify();
      });
    try {
      await until(() => builds.length > 0);
      expect(serverFunctionNames()).to.deep.equal(['add', 'default', 'echo', 'ping']);

      writeSource(dir, 'src/late.js', `'use server';\nexport async function late() { return 'late'; }\n`);
      writeSource(
        dir,
        'src/Counter.js',
        `'use client';\nimport { late } from './late';\nexport default function Counter() { return late; }\n`,
      );
      // ping is no longer imported by any client component: it leaves the server build.
      await until(() => serverFunctionNames().join() === 'add,default,echo,late');
      expect(errorsOf(builds[builds.length - 1])).to.deep.equal([]);
      const manifest = readJson(dir, 'server', 'server-actions-manifest.json');
      const lateId = Object.keys(manifest).find((id) => manifest[id].name === 'late')!;
      const late = await requireBundle(dir, 'server').runtime.loadServerAction(lateId);
      expect(await late()).to.equal('late');
    } finally {
      await new Promise((resolve) => (watching ? watching.close(resolve) : resolve(undefined)));
    }
  });
});
