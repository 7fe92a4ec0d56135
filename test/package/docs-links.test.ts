/**
 * The links between the Markdown pages a reader follows (README.md, CONTRIBUTING.md, SECURITY.md,
 * CHANGELOG.md, docs/*.md): a relative link must name a file that exists, and its `#anchor` one that a
 * heading of that file makes, by GitHub's rules (lower case; spaces to '-'; punctuation other than '-'
 * and '_' dropped; the second heading with one slug gets '-1', the third '-2'). Links out of the
 * repository (http:, https:, mailto:) are not followed; links in code are not links.
 *
 * The first tests feed the checker pages with a broken file link and a broken anchor, so that a
 * checker that finds nothing cannot pass for one that finds nothing wrong.
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../..');

/** The pages whose links are checked, relative to `root`. */
function pagesOf(root: string): string[] {
  const docs = existsSync(path.join(root, 'docs'))
    ? readdirSync(path.join(root, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => `docs/${name}`)
    : [];
  return ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md', ...docs].filter((page) => existsSync(path.join(root, page)));
}

/** The lines of a Markdown text outside fenced code blocks, with inline code spans blanked out. */
function proseLines(markdown: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  let fence: string | null = null;
  markdown.split('\n').forEach((text, index) => {
    const opener = /^\s*(`{3,}|~{3,})/.exec(text);
    if (opener) {
      if (fence === null) fence = opener[1][0];
      else if (opener[1][0] === fence) fence = null;
      return;
    }
    if (fence === null) lines.push({ line: index + 1, text: text.replace(/(`+)[\s\S]*?\1/g, '') });
  });
  return lines;
}

/** GitHub's anchor for a heading's text. */
export function slugOf(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link's text only
    .replace(/<[^>]+>/g, '') // inline HTML
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-');
}

/** Every anchor the headings of a Markdown text make, duplicates numbered as GitHub numbers them. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | null = null;
  for (const text of markdown.split('\n')) {
    const opener = /^\s*(`{3,}|~{3,})/.exec(text);
    if (opener) {
      if (fence === null) fence = opener[1][0];
      else if (opener[1][0] === fence) fence = null;
      continue;
    }
    const heading = fence === null ? /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(text) : null;
    if (!heading) continue;
    const slug = slugOf(heading[1]);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** The broken relative links of `pages` (paths relative to `root`), as `page:line: target (why)`. */
export function brokenLinks(root: string, pages: string[]): string[] {
  const broken: string[] = [];
  const anchorsByFile = new Map<string, Set<string>>();
  const anchorsIn = (file: string) => {
    if (!anchorsByFile.has(file)) anchorsByFile.set(file, anchorsOf(readFileSync(file, 'utf8')));
    return anchorsByFile.get(file)!;
  };
  for (const page of pages) {
    const file = path.join(root, page);
    for (const { line, text } of proseLines(readFileSync(file, 'utf8'))) {
      for (const match of text.matchAll(/\]\(\s*<?([^()\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        const target = match[1];
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, mailto:
        const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
        const targetFile = pathPart === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(pathPart));
        const where = `${page}:${line}: ${target}`;
        if (!existsSync(targetFile)) {
          broken.push(`${where} (no such file)`);
          continue;
        }
        if (anchor === undefined || anchor === '') continue;
        if (statSync(targetFile).isDirectory() || !targetFile.endsWith('.md')) {
          broken.push(`${where} (an anchor into a file that is not Markdown)`);
          continue;
        }
        if (!anchorsIn(targetFile).has(decodeURIComponent(anchor))) broken.push(`${where} (no heading makes #${anchor})`);
      }
    }
  }
  return broken;
}

describe('links between the Markdown pages', () => {
  describe('the checker', () => {
    let root: string;

    beforeEach(() => {
      root = mkdtempSync(path.join(tmpdir(), 'wsa-links-'));
      mkdirSync(path.join(root, 'docs'));
    });

    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it("makes anchors by GitHub's rules: lower case, spaces to '-', punctuation dropped, duplicates numbered", () => {
      const anchors = anchorsOf(
        [
          '# webpack-server-actions',
          '## Layers: which side a module is built for',
          '### `server-actions-manifest.json` (server compiler)',
          '### `root`',
          '## Options',
          '## Options',
          '## Options',
          '```sh',
          '# not a heading',
          '```',
        ].join('\n'),
      );
      expect([...anchors]).to.deep.equal([
        'webpack-server-actions',
        'layers-which-side-a-module-is-built-for',
        'server-actions-manifestjson-server-compiler',
        'root',
        'options',
        'options-1',
        'options-2',
      ]);
    });

    it('reports a link to a file that does not exist, and a link to an anchor no heading makes', () => {
      writeFileSync(path.join(root, 'README.md'), '# Title\n\nSee [options](docs/options.md) and [the key](docs/keys.md#rotation).\n');
      writeFileSync(path.join(root, 'docs/options.md'), '# Options\n\n## `root`\n\nBack to [the title](../README.md#title), [nowhere](#salt).\n');
      expect(brokenLinks(root, pagesOf(root))).to.deep.equal([
        'README.md:3: docs/keys.md#rotation (no such file)',
        'docs/options.md:5: #salt (no heading makes #salt)',
      ]);
    });

    it('reports nothing for good links, links out of the repository, and links in code', () => {
      writeFileSync(
        path.join(root, 'README.md'),
        '# Title\n\n[root](docs/options.md#root), [site](https://example.com/#x), `[code](nowhere.md)`\n\n```md\n[code](nowhere.md)\n```\n',
      );
      writeFileSync(path.join(root, 'docs/options.md'), '# Options\n\n## `root`\n');
      expect(brokenLinks(root, pagesOf(root))).to.deep.equal([]);
    });
  });

  it('README.md, CONTRIBUTING.md, SECURITY.md, CHANGELOG.md and docs/*.md link only to files and headings that exist', () => {
    const pages = pagesOf(REPO_ROOT);
    expect(pages).to.include.members(['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md']);
    expect(pages.filter((page) => page.startsWith('docs/')), 'docs/*.md').to.not.be.empty;
    expect(brokenLinks(REPO_ROOT, pages)).to.deep.equal([]);
  });

  it('links every page of docs/ from README.md', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const linked = new Set([...readme.matchAll(/\]\((docs\/[^)#\s]+\.md)(?:#[^)]*)?\)/g)].map((match) => match[1]));
    const pages = pagesOf(REPO_ROOT).filter((page) => page.startsWith('docs/'));
    expect(pages.filter((page) => !linked.has(page)), 'pages of docs/ the README does not link').to.deep.equal([]);
  });
});
