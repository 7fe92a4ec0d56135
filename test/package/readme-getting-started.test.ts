/**
 * docs/getting-started.md (linked from the README's Getting started) walks through examples/minimal
 * file by file: every file of the app is shown there in full, exactly as it is (and examples/minimal's
 * own test builds and drives it from the packed package), so the page cannot drift from an app that works.
 */
import { expect } from 'chai';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../..');
const MINIMAL = path.join(REPO_ROOT, 'examples/minimal');
// Files that a user's own app does not have as they are here: package.json is npm's (the README
// shows its scripts), .npmrc and README.md are about running the example inside this repository.
const NOT_SHOWN = new Set(['package.json', '.npmrc', 'README.md']);

function appFiles(dir = MINIMAL): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === 'node_modules' || name === 'build' || name === 'package-lock.json') return [];
    if (statSync(file).isDirectory()) return appFiles(file);
    const relative = path.relative(MINIMAL, file);
    return NOT_SHOWN.has(relative) ? [] : [relative];
  });
}

function gettingStarted(): string {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Getting started\n');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  expect(start, 'README.md has a "Getting started" section').to.be.greaterThan(-1);
  expect(section, "the README's Getting started links the walk").to.include('](docs/getting-started.md)');
  return readFileSync(path.join(REPO_ROOT, 'docs/getting-started.md'), 'utf8');
}

/** The fenced blocks of a Markdown text, with their language. */
function fences(markdown: string): Array<{ lang: string; code: string }> {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({ lang: match[1], code: match[2] }));
}

describe("Getting started (docs/getting-started.md)", () => {
  const section = gettingStarted();
  const blocks = fences(section);
  const files = appFiles();

  it('shows every file of examples/minimal in full, named in bold before it, exactly as it is', () => {
    expect(files).to.include.members(['webpack.config.js', 'server.js', 'src/App.tsx', 'src/actions.ts', 'tsconfig.json']);
    for (const file of files) {
      const content = readFileSync(path.join(MINIMAL, file), 'utf8');
      const block = blocks.find((candidate) => candidate.code === content);
      expect(block, `${file} is shown in full, as it is`).to.not.equal(undefined);
      expect(section, `${file} is named before its code`).to.include(`**\`${file}\`**`);
    }
  });

  it("shows package.json's scripts as they are, and no code block that is not a file of the app", () => {
    const { scripts } = JSON.parse(readFileSync(path.join(MINIMAL, 'package.json'), 'utf8'));
    const scriptsBlock = `${JSON.stringify({ scripts }, null, 2)}\n`;
    const contents = new Set(files.map((file) => readFileSync(path.join(MINIMAL, file), 'utf8')));
    for (const block of blocks) {
      if (block.lang === 'sh') continue;
      if (block.code === scriptsBlock) continue;
      expect(contents.has(block.code), `a block that is no file of examples/minimal:\n${block.code.slice(0, 200)}`).to.equal(true);
    }
    expect(blocks.map((block) => block.code)).to.include(scriptsBlock);
  });

  it("installs every package that examples/minimal's package.json names", () => {
    const manifest = JSON.parse(readFileSync(path.join(MINIMAL, 'package.json'), 'utf8'));
    const install = blocks.filter((block) => block.lang === 'sh').map((block) => block.code).join('\n');
    for (const name of [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]) {
      expect(install.split(/\s+/).map((word) => word.replace(/(.)@[^@/]*$/, '$1')), `npm install … ${name}`).to.include(name);
    }
  });
});
