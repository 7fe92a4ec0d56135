/**
 * docs/servers.md shows the wiring for each server as excerpts of the example servers that the tests
 * run (test/runtime/express.test.ts, fastify.test.ts, the examples' own tests): each code block names
 * its file on its first line and must be found in it verbatim, so the page cannot drift from code
 * that works.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

describe('docs/servers.md', () => {
  const page = readFileSync(path.join(ROOT, 'docs/servers.md'), 'utf8');
  const blocks = [...page.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((match) => match[1]);

  it('has a code block for each server', () => {
    const files = blocks.map((block) => /^\/\/ (\S+)\n/.exec(block)?.[1]);
    expect(new Set(files)).to.deep.equal(new Set(['examples/minimal/server.js', 'examples/notes/express-server.js', 'examples/notes/fastify-server.js', 'examples/notes/hono-server.js']));
  });

  blocks.forEach((block, index) => {
    const file = /^\/\/ (\S+)\n/.exec(block)?.[1] ?? '(no file named)';
    it(`block ${index + 1} is found verbatim in ${file}`, () => {
      const excerpt = block.slice(block.indexOf('\n') + 1);
      expect(readFileSync(path.join(ROOT, file), 'utf8')).to.include(excerpt);
    });
  });
});
