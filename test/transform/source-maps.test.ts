/** Source maps survive the loader: input maps from earlier loaders (here babel-loader) are honoured. */
import { TraceMap, originalPositionFor, sourceContentFor } from '@jridgewell/trace-mapping';
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { appConfigs, compileOk, loaderRule, readOutput } from '../helpers/build';
import { createFixtureApp, removeFixtureApps, writeSource } from '../helpers/fixture-app';

const JSX_ACTIONS = `'use server';
import { calls } from './calls';

export async function renderGreeting(name) {
  calls.push(['renderGreeting']);


  return <p title="source-map-marker">{name}</p>;
}
`;

const JSX_INLINE = `import { calls } from './calls';

export function Greeting({ name }) {
  async function greet(suffix) {
    'use server';
    calls.push(['greetInline', name]);
    return <p title="inline-source-map-marker">{name}{suffix}</p>;
  }
  return <form action={greet} />;
}
`;

/** Builds the fixture app with `file` added (run through babel-loader, then the loader), source maps on. */
async function buildWithBabel(file: string, source: string, exported: string): Promise<{ lines: string[]; map: TraceMap }> {
  const dir = createFixtureApp('app');
  writeSource(dir, file, source);
  writeSource(dir, 'src/server.js', `${readFileSync(`${dir}/src/server.js`, 'utf8')}export { ${exported} } from './${file.slice('src/'.length)}';\n`);
  const babel = { loader: require.resolve('babel-loader'), options: { presets: [[require.resolve('@babel/preset-react'), { runtime: 'classic' }]] } };
  const rule = loaderRule('server');
  await compileOk(
    appConfigs(dir, {
      compilers: ['browser', 'server'],
      devtool: 'source-map',
      rules: { server: [{ ...rule, use: [...rule.use, babel] }] },
    }),
  );
  const lines = readOutput(dir, 'server', 'server.js').split('\n');
  return { lines, map: new TraceMap(readOutput(dir, 'server', 'server.js.map')) };
}

describe('source maps', () => {
  after(removeFixtureApps);

  it('map a hoisted inline server function back to its place in the original source', async () => {
    const { lines, map } = await buildWithBabel('src/jsx-inline.js', JSX_INLINE, 'Greeting');
    for (const [marker, expectedLine] of [['inline-source-map-marker', 7], ["['greetInline', name]", 6]] as const) {
      const line = lines.findIndex((text) => text.includes(marker));
      expect(line, `${marker} is in the bundle`).to.be.greaterThan(-1);
      const original = originalPositionFor(map, { line: line + 1, column: lines[line].indexOf(marker) });
      expect(original.source, marker).to.match(/src\/jsx-inline\.js$/);
      expect(original.line, marker).to.equal(expectedLine);
    }
  });

  it('map the server bundle back to the original source through babel-loader and the loader', async () => {
    const { lines, map } = await buildWithBabel('src/jsx-actions.js', JSX_ACTIONS, 'renderGreeting');
    const line = lines.findIndex((text) => text.includes('source-map-marker'));
    expect(line, 'the marker is in the bundle').to.be.greaterThan(-1);
    const original = originalPositionFor(map, { line: line + 1, column: lines[line].indexOf('source-map-marker') });
    expect(original.source).to.match(/src\/jsx-actions\.js$/);
    expect(original.line).to.equal(8);
    const content = sourceContentFor(map, original.source!);
    expect(content, 'the original source, JSX and all').to.equal(JSX_ACTIONS);
  });
});
