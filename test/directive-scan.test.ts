/**
 * The cheap prologue scan decides which modules the loader parses at all, so a false negative would
 * silently ship a "use server" module's code to the browser. These tests hold it against Babel's parser.
 */
import { parse } from '@babel/parser';
import { expect } from 'chai';
import { mayHaveDirective, scanPrologue } from '../loader/directive-scan';

const BODY = '\nexport async function createNote() {}\n';

describe('scanPrologue', () => {
  const cases: [string, string, string[]][] = [
    ['a double-quoted directive', '"use server";', ['use server']],
    ['a single-quoted directive', "'use client';", ['use client']],
    ['a directive ended by a newline instead of a semicolon', '"use server"\nexport {}', ['use server']],
    ['a directive after "use strict"', '"use strict"; \'use server\';', ['use server']],
    ['a directive after comments', '// a\n/* b */\n/** c\n */ "use server";', ['use server']],
    ['a directive after a byte order mark', '\uFEFF"use client";', ['use client']],
    ['a directive after a hashbang', '#!/usr/bin/env node\n"use server";', ['use server']],
    ['a directive after a hashbang ended by CRLF', '#!/usr/bin/env node\r\n"use server";', ['use server']],
    ['a directive after a line comment ended by CR', '// a\r"use server";', ['use server']],
    ['a directive after a line comment ended by U+2028', '// a\u2028"use server";', ['use server']],
    ['a directive after unusual whitespace', '\v\f\u00A0\u3000\u2029"use server";', ['use server']],
    ['a directive after a string with escaped quotes', "'it\\'s'; \"say \\\"hi\\\"\"; 'use server';", ['use server']],
    ['a directive after a string with a line continuation', '"a\\\nb"; "use server";', ['use server']],
    ['both directives, in order', '"use client";\n"use server";', ['use client', 'use server']],
    ['a string expression that starts like a directive (the AST decides)', '"use server" + x;', ['use server']],
    ['a directive after a statement', 'import x from "y";\n"use server";', []],
    ['a parenthesised string', '("use server");', []],
    ['a template literal', '`use server`;', []],
    ['the directive inside a comment', '// "use server"\nexport {}', []],
    ['a longer string', '"use servers";', []],
    ['an unterminated string', '"use server', []],
    ['an unterminated comment', '/* "use server";', []],
    ['a hashbang alone', '#!/usr/bin/env node', []],
    ['an empty module', '', []],
  ];
  for (const [what, source, expected] of cases) {
    it(`finds ${JSON.stringify(expected)} in ${what}`, () => {
      expect(scanPrologue(source)).to.deep.equal(expected);
    });
  }
});

describe('mayHaveDirective', () => {
  it('is false for modules that contain neither directive string', () => {
    expect(mayHaveDirective('')).to.equal(false);
    expect(mayHaveDirective('"use strict";\nexport const a = 1;\n')).to.equal(false);
    expect(mayHaveDirective(`"use sever";\n${'export const a = "use";\n'.repeat(1000)}`)).to.equal(false);
  });

  it('is false when the strings appear only after the prologue', () => {
    expect(mayHaveDirective('export const help = "use server";\n')).to.equal(false);
    expect(mayHaveDirective('function f() {\n  "use server";\n}\n')).to.equal(false);
  });

  it('is true whenever Babel finds a "use server" or "use client" directive', () => {
    const trivia = [
      '', ' ', '\t', '\n', '\r\n', '\r', '\v', '\f', '\u00A0', '\u2028', '\u3000',
      '// line\n', '// line\r', '/* block */', '/* multi\nline "use client" */',
    ];
    const directives = ['', "'use strict';", '"use strict"\n', "'it\\'s';", '"say \\"hi\\""\n', '"a\\\nb";'];
    const starts = ['', '\uFEFF', '#!/usr/bin/env node\n'];
    let checked = 0;
    for (const start of starts) {
      for (const before of trivia) {
        for (const other of directives) {
          for (const between of trivia) {
            for (const directive of ['"use server"', "'use client'"]) {
              const source = `${start}${before}${other}${between}${directive}${BODY}`;
              if (!babelDirectives(source).some((d) => d === 'use server' || d === 'use client')) continue;
              expect(mayHaveDirective(source), JSON.stringify(source)).to.equal(true);
              checked += 1;
            }
          }
        }
      }
    }
    expect(checked).to.be.at.least(5000);
  });
});

function babelDirectives(source: string): string[] {
  try {
    return parse(source, { sourceType: 'module' }).program.directives.map((d) => d.value.value);
  } catch {
    return [];
  }
}
