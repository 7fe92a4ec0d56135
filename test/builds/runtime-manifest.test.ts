import { expect } from 'chai';
import type { Configuration } from 'webpack';
import { createFixtureApp, removeFixtureApps, writeSource } from '../helpers/fixture-app';
import { appConfigs, compileOk, readJson, requireBundle } from '../helpers/build';

/**
 * One server compilation with two entries, each with a runtime chunk of its own: the manifest in each
 * runtime lists the server functions that its chunks hold, and no other (it could not load them);
 * the emitted JSON lists them all.
 */
describe('the server manifest in each runtime of a compilation', () => {
  let dir: string;
  let manifest: Record<string, { name: string; file: string }>;
  const idOf = (name: string) => Object.keys(manifest).find((id) => manifest[id].name === name)!;

  before(async () => {
    dir = createFixtureApp('app');
    writeSource(dir, 'src/other-actions.js', "'use server';\nexport async function otherAction() {\n  return 'other';\n}\n");
    writeSource(dir, 'src/other.js', "export * as runtime from 'webpack-server-actions/runtime';\nexport { otherAction } from './other-actions';\n");
    const [server] = appConfigs(dir, { compilers: ['server'] });
    const configs: Configuration[] = [{ ...server, entry: { server: './src/server.js', other: './src/other.js' } }];
    await compileOk(configs);
    manifest = readJson(dir, 'server', 'server-actions-manifest.json');
  });
  after(removeFixtureApps);

  it('lists every server function of the compilation in the emitted JSON', () => {
    expect(Object.values(manifest).map((entry) => entry.name)).to.include.members(['add', 'echo', 'default', 'otherAction']);
  });

  it("lists in each runtime only its own entry's server functions", async () => {
    const server = requireBundle(dir, 'server');
    const other = requireBundle(dir, 'server', 'other.js');
    const names = (bundle: any) => Object.values<{ name: string }>(bundle.runtime.readServerActionsManifest()).map((entry) => entry.name).sort();
    expect(names(server)).to.deep.equal(Object.values(manifest).map((entry) => entry.name).filter((name) => name !== 'otherAction').sort());
    expect(names(other)).to.deep.equal(['otherAction']);
    expect(await (await other.runtime.loadServerAction(idOf('otherAction')))()).to.equal('other');
  });
});
