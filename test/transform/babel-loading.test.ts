/**
 * The loader loads the heavier parts of Babel only when a module needs them: the printer
 * (@babel/generator) for inline server functions, @babel/core and its walk for a module the plain walk
 * leaves to Babel's (here a function inside a class), the code frame for build errors. Each
 * costs memory for as long as a build's process lives, and most builds have no inline server function
 * and no error. A fresh process, so that nothing another test loaded counts.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const LOADER = path.resolve(__dirname, '../../loader');

// Prints, after each step, the packages of Babel the process has loaded.
const SCRIPT = `
const { transformModule } = require(${JSON.stringify(path.join(LOADER, 'transform.ts'))});
const loaded = () => [...new Set(Object.keys(require.cache).map((file) => /node_modules[\\\\/](@babel[\\\\/][^\\\\/]+)/.exec(file)?.[1].replace('\\\\', '/')).filter(Boolean))].sort();
const steps = {};
const transform = (source, layer) =>
  transformModule(source, { resourcePath: '/app/src/file.jsx', relativePath: 'src/file.jsx', layer, salt: 'salt', callServerModule: 'webpack-server-actions/client', sourceMaps: true });
for (const layer of ['server', 'ssr', 'browser']) {
  transform('"use server";\\nexport async function save(note) {\\n  return note;\\n}\\n', layer);
  transform('"use client";\\nexport function Button() {\\n  return <button />;\\n}\\n', layer);
  transform('export function Page() {\\n  return <main />;\\n}\\n', layer);
}
steps.directives = loaded();
const { ServerActionsBuildError } = require(${JSON.stringify(path.join(LOADER, 'located-error.ts'))});
new ServerActionsBuildError({ message: 'm', fix: 'f', loc: { line: 1, column: 0 } }, 'x', 'src/file.jsx');
steps.error = loaded();
transform('export function Page({ id }) {\\n  async function save() {\\n    "use server";\\n    return id;\\n  }\\n  return <form action={save} />;\\n}\\n', 'server');
steps.inline = loaded();
transform('export class Page {\\n  render(id) {\\n    async function save() {\\n      "use server";\\n      return id;\\n    }\\n    return save;\\n  }\\n}\\n', 'server');
steps.babelWalk = loaded();
console.log(JSON.stringify(steps));
`;

describe('the loader loads Babel as modules need it', () => {
  it('loads only the parser and @babel/types for "use server" and "use client" files, the code frame with the first error, the printer with the first inline server function, @babel/core with the first module left to its walk', function () {
    this.timeout(60_000);
    const steps = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', SCRIPT], { encoding: 'utf8' }));
    expect(steps.directives).to.deep.equal(['@babel/helper-string-parser', '@babel/helper-validator-identifier', '@babel/parser', '@babel/types']);
    expect(steps.error).to.deep.equal([...steps.directives, '@babel/code-frame'].sort());
    expect(steps.inline).to.deep.equal([...steps.error, '@babel/generator'].sort());
    expect(steps.babelWalk).to.include.members(['@babel/core', '@babel/generator', '@babel/traverse']);
  });
});
