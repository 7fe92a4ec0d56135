/**
 * The cheap text scan decides which modules the loader parses at all, so a false negative would
 * silently ship a "use server" function's code to the browser (or skip the build error about a
 * misspelled directive). These tests hold it against Babel's parser: wherever Babel finds a directive,
 * in the file's prologue or in any function body, the scan must say "maybe".
 */
import { traverse } from '@babel/core';
import { parse } from '@babel/parser';
import { expect } from 'chai';
import { likelyDirective, mayNeedTransform } from '../../loader/directive-scan';

const BODY = '\nexport async function createNote() {}\n';

/** Misspellings the scan promises to catch, each with the directive it was meant to be. */
const NEAR_MISSES: [string, string][] = [
  ['use sever', 'use server'],
  ['use-server', 'use server'],
  ['use_server', 'use server'],
  ['useserver', 'use server'],
  ['Use Server', 'use server'],
  ['USE SERVER', 'use server'],
  ['use servr', 'use server'],
  ['use servers', 'use server'],
  ['use  client', 'use client'],
  ['use-client', 'use client'],
  ['use cilent', 'use client'],
  ['use clint', 'use client'],
  ['Use Client', 'use client'],
  // Stray spaces, inside the quotes or between the words.
  ['use client ', 'use client'],
  ['use client   ', 'use client'],
  [' use client', 'use client'],
  ['use  server', 'use server'],
  ['use server ', 'use server'],
  // Other names for them, and the directive with words after it.
  ['use action', 'use server'],
  ['use actions', 'use server'],
  ['Use-Action', 'use server'],
  ['use server-only', 'use server'],
  ['use server actions', 'use server'],
  ['use client-side', 'use client'],
  ['USE CLIENT ONLY', 'use client'],
];

/** Directive-like strings that are nothing of the kind. */
const OTHER_STRINGS = [
  'use strict',
  'use asm',
  'use cache',
  'use memo',
  'use-sync-external-store',
  'use something else entirely',
  'use styled components',
  'use',
  'use s',
  // Directives of other tools: React Compiler, Next.js, Convex, Expo, Vercel Workflow.
  'use memo',
  'use no memo',
  'use forget',
  'use cache: remote',
  'use node',
  'use dom',
  'use step',
  'use workflow',
  'user',
  'use clientele',
];

describe('likelyDirective', () => {
  it('is null for the directives themselves', () => {
    expect(likelyDirective('use server')).to.equal(null);
    expect(likelyDirective('use client')).to.equal(null);
  });

  for (const [written, meant] of NEAR_MISSES) {
    it(`reads ${JSON.stringify(written)} as ${JSON.stringify(meant)}`, () => {
      expect(likelyDirective(written)).to.equal(meant);
    });
  }

  it('is null for other strings', () => {
    for (const written of OTHER_STRINGS) expect(likelyDirective(written), written).to.equal(null);
  });
});

describe('mayNeedTransform', () => {
  it('is false for modules without a directive, a near miss or either directive string', () => {
    const modules = [
      '',
      '"use strict";\nexport const a = 1;\n',
      'import { useState, useSyncExternalStore } from "react";\nexport function A() { return useState(0); }\n',
      'import { useSyncExternalStore } from "use-sync-external-store/shim";\n',
      'function f() {\n  "use strict";\n  "use asm";\n  return 1;\n}\n',
      `export const help = "use something else entirely";\n${'export const a = "use";\n'.repeat(1000)}`,
      'export const styles = \'use styled components\';\n',
    ];
    for (const source of modules) expect(mayNeedTransform(source), JSON.stringify(source.slice(0, 60))).to.equal(false);
  });

  it('is true for "use server" anywhere, even where it is not a directive', () => {
    expect(mayNeedTransform('export const help = "use server";\n')).to.equal(true);
    expect(mayNeedTransform("throw Error('add \\'use server\\' to it');\n")).to.equal(true);
  });

  it('is true for "use client" where a statement can start, false inside other text', () => {
    expect(mayNeedTransform('// x\n"use client"\nexport {}\n')).to.equal(true);
    expect(mayNeedTransform('/* x */ "use client"; export {}\n')).to.equal(true);
    expect(mayNeedTransform('f();{"use client"}\n')).to.equal(true);
    // As React DOM's error messages mention it: no parse of a 1 MB file.
    expect(mayNeedTransform(`throw Error("Add 'use client' to the top of the file");\n`)).to.equal(false);
    expect(mayNeedTransform('const doc = `see "use client"`;\n')).to.equal(false);
  });

  it('is true for "use client" and a slip in parentheses where a statement starts, false for a call argument', () => {
    for (const directive of ['("use server")', "('use client')", '( "use client" )', '(("use client"))', '("use sever")', "('use action')"]) {
      expect(mayNeedTransform(`${directive};${BODY}`), directive).to.equal(true);
      expect(mayNeedTransform(`"use strict";\n${directive};${BODY}`), directive).to.equal(true);
      expect(mayNeedTransform(`export async function f() {\n  ${directive};\n}\n`), directive).to.equal(true);
    }
    expect(mayNeedTransform('log("use client");\n')).to.equal(false);
    expect(mayNeedTransform("if (x) ('use client');\n")).to.equal(false);
  });

  it('is true for a near miss in the prologue or in a function body', () => {
    for (const [written] of NEAR_MISSES) {
      for (const quote of ['"', "'"]) {
        const directive = `${quote}${written}${quote}`;
        expect(mayNeedTransform(`${directive};${BODY}`), directive).to.equal(true);
        expect(mayNeedTransform(`export async function f() {\n  ${directive};\n}\n`), directive).to.equal(true);
      }
    }
  });

  it('is true whenever Babel finds a directive or a near miss in the prologue', () => {
    let checked = 0;
    for (const start of STARTS) {
      for (const before of TRIVIA) {
        for (const other of OTHER_DIRECTIVES) {
          for (const between of TRIVIA) {
            for (const directive of ['"use server"', "'use client'", '"use sever"', "'Use-Client'"]) {
              checked += expectFound(`${start}${before}${other}${between}${directive}${BODY}`);
            }
          }
        }
      }
    }
    expect(checked).to.be.at.least(10000);
  });

  it('is true whenever Babel finds a directive or a near miss in any function body', () => {
    const directives = ['"use server"', "'use server'", '"use client"', ...NEAR_MISSES.map(([written]) => `'${written}'`)];
    let checked = 0;
    for (const form of FUNCTION_FORMS) {
      for (const before of TRIVIA) {
        for (const other of OTHER_DIRECTIVES) {
          for (const directive of directives) {
            checked += expectFound(form(`\n  ${before}${other}${directive};\n  await save();\n`));
          }
        }
      }
    }
    expect(checked).to.be.at.least(10000);
  });

  it('is false for the same modules with other directives', () => {
    const trivia = TRIVIA.filter((text) => !text.includes('use'));
    let checked = 0;
    for (const form of [(body: string) => `${body}${BODY}`, ...FUNCTION_FORMS]) {
      for (const before of trivia) {
        for (const other of OTHER_DIRECTIVES) {
          for (const written of OTHER_STRINGS) {
            const source = form(`${before}${other}"${written}";\n`);
            expect(babelDirectives(source), source).to.include(written);
            expect(mayNeedTransform(source), JSON.stringify(source)).to.equal(false);
            checked += 1;
          }
        }
      }
    }
    expect(checked).to.be.at.least(3000);
  });
});

const STARTS = ['', '\uFEFF', '#!/usr/bin/env node\n'];
const TRIVIA = [
  '', ' ', '\t', '\n', '\r\n', '\r', '\v', '\f', '\u00A0', '\u2028', '\u3000',
  '// line\n', '// line\r', '/* block */', '/* multi\nline "use client" */',
];
const OTHER_DIRECTIVES = ['', "'use strict';", '"use strict"\n', "'it\\'s';", '"say \\"hi\\""\n', '"a\\\nb";'];

/** Where a function can carry a directive of its own. */
const FUNCTION_FORMS: ((body: string) => string)[] = [
  (body) => `export async function save(formData) {${body}}\n`,
  (body) => `export default async function () {${body}}\n`,
  (body) => `export function Page({ id }) {\n  async function save() {${body}}\n  return save;\n}\n`,
  (body) => `export const save = async () => {${body}};\n`,
  (body) => `export function Page() {\n  return <form action={async (data) => {${body}}} />;\n}\n`,
  (body) => `export const actions = { async save() {${body}}, remove: async function () {${body}} };\n`,
  (body) => `export class Store {\n  static async save() {${body}}\n}\n`,
  (body) => `export function Page() {\n  function helper() {\n    return async () => {${body}};\n  }\n  return helper;\n}\n`,
];

/** Asserts that the scan finds what Babel found; 1 when Babel found something to check, else 0. */
function expectFound(source: string): number {
  if (!babelDirectives(source).some((d) => d === 'use server' || d === 'use client' || likelyDirective(d) !== null)) {
    return 0;
  }
  expect(mayNeedTransform(source), JSON.stringify(source)).to.equal(true);
  return 1;
}

/** Every directive Babel finds: the program's and those of every function body. */
function babelDirectives(source: string): string[] {
  let ast;
  try {
    ast = parse(source, { sourceType: 'module', plugins: ['jsx'] });
  } catch {
    return [];
  }
  const found: string[] = [];
  traverse(ast, {
    Directive(path) {
      found.push(path.node.value.value);
    },
  });
  return found;
}
