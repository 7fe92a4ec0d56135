import { expect } from 'chai';
import { createFixtureApp, removeFixtureApps } from '../helpers/fixture-app';
import { appConfigs, compileOk, readJson, readOutput, requireBundle } from '../helpers/build';

describe('multi-compiler build (browser, SSR, server)', () => {
  let dir: string;
  before(async () => {
    dir = createFixtureApp('app');
    await compileOk(appConfigs(dir));
  });
  after(removeFixtureApps);

  it('writes a server manifest with one sorted entry per server function', () => {
    const manifest = readJson(dir, 'server', 'server-actions-manifest.json');
    const entries = Object.entries(manifest).map(([id, entry]: [string, any]) => [entry.file, entry.name, id.length]);
    expect(entries).to.have.deep.members([
      ['src/actions.js', 'add', 40],
      ['src/actions.js', 'echo', 40],
      ['src/actions.js', 'default', 40],
      ['src/client-only.js', 'ping', 40],
    ]);
    expect(Object.keys(manifest)).to.deep.equal(Object.keys(manifest).sort());
  });

  it('runs a server function that only a client component imports', async () => {
    const server = requireBundle(dir, 'server');
    const manifest = readJson(dir, 'server', 'server-actions-manifest.json');
    const pingId = Object.keys(manifest).find((id) => manifest[id].name === 'ping')!;
    const ping = await server.runtime.loadServerAction(pingId);
    expect(await ping()).to.equal('pong');
  });

  it('keeps server code out of the browser bundle', () => {
    const browser = readOutput(dir, 'browser', 'browser.js');
    expect(browser).not.to.include('server-only-secret-4711');
    expect(browser).to.include('createServerReference');
  });
});
