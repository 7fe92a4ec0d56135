/**
 * The inline transform's walk over plain nodes (loader/inline-plain-scan.ts, loader/hoist-on-nodes.ts)
 * against Babel's walk (inline-directives.ts, inline-scope.ts, hoist-server-functions.ts), which stays
 * as its reference and its fallback: on every module that the plain walk takes on, both must find no
 * problem and give the same records and the same printed code and source map, byte for byte. The
 * modules: the golden cases' inputs, the fuzzer's corpus, and shapes that scope analysis gets wrong
 * easily (shadowing, parameter defaults, loops, catch clauses, classes, JSX, comments around moved
 * declarations). Each module runs as a server component and as a "use server" file's nested functions.
 */
import generate from '@babel/generator';
import { traverse, type NodePath } from '@babel/core';
import type * as t from '@babel/types';
import { expect } from 'chai';
import { findAndHoist, hoistWithoutPaths, type HoistTransformOptions } from '../../loader/inline-transform';
import { parseModule } from '../../loader/parse';
import { fuzzCase } from '../helpers/fuzz/fuzz-case';
import { caseNames, loadCase } from '../helpers/transform-cases';

const FUZZ_CASES = 600;

const SHAPES: Record<string, string> = {
  'a parameter default reads the outer name': 'export function C(title) { return async (x = title) => { "use server"; return [x]; }; }',
  'destructured parameters': 'export function C({ a, b: [c, ...d] }, e = 1) { async function s() { "use server"; return a + c + d.length + e; } return s; }',
  'a catch clause': 'export function C(p) { try { x() } catch (err) { const f = async () => { "use server"; return err.message + p.a.b; }; return f; } }',
  loops: 'export function C(p) { for (let i = 0; i < 3; i++) { const f = async () => { "use server"; return i + p.x; }; } for (const k of p.list) { var g = async function named() { "use server"; return named, k; }; } }',
  'an update': 'export function C(p) { let n = 0; const f = async () => { "use server"; n++; return p.a.b.c + p.a.d; }; return f; }',
  'destructuring assignments': 'export function C(p) { let n = 0; const f = async () => { "use server"; [n] = [1]; ({ q: p.z } = {}); return p.a; }; return f; }',
  'JSX members': 'export function C(p) { const Comp = p.c; const f = async () => { "use server"; return <Comp.X a={p.v}><p.Y /></Comp.X>; }; return f; }',
  'a switch': 'export function C(p) { switch (p.k) { case 1: { const f = async () => { "use server"; return p.k; }; return f; } } }',
  'comments around declarations in a block':
    'export function C(p) {\n  // before\n  if (p) {\n    // lead\n    async function a() { "use server"; return p; } // trail\n    async function b() { "use server"; return a(); }\n    return b;\n  }\n}',
  'object methods': 'export function C(p) { const o = { async __proto__() { "use server"; return p; }, async ["k" + 1]() { "use server"; return p.q; }, async m() { "use server"; return 1; } }; return o; }',
  'classes beside the functions': 'export function C(p) { class K { static x = p; } const f = async () => { "use server"; return new K(); }; const g = async () => { "use server"; class L extends K { m() { return this; } } return L; }; }',
  'three levels': 'export function C(p) { const f = async () => { "use server"; const g = async () => { "use server"; const h = async () => { "use server"; return p.a + p.b; }; return h; }; return g; }; return f; }',
  labels: 'export function C(p) { label: for (const x of p) { const f = async () => { "use server"; return x; }; continue label; } }',
  'an anonymous default export': 'export default function (p) { return async function () { "use server"; return p.id; }; }',
  'top-level declarations': 'export async function top() { "use server"; return 1; }\nasync function other() { "use server"; return 2; }',
  'a top-level block': 'const outer = 1; { let blockVar = 2; async function inBlock() { "use server"; return outer + blockVar; } }',
  'var in blocks': 'export function C(p) { var v = 1; { var v2 = 2; } const f = async (a, { b } = p) => { "use server"; return v + v2 + a + b; }; return f; }',
  'rest parameters': 'export function C(p) { const f = async (a = p.x, ...rest) => { "use server"; return a + rest.length; }; return f; }',
  'names of their own': 'export function C(p) { async function self() { "use server"; return self; } const ex = async function me() { "use server"; return me(p); }; const ar = async () => { "use server"; return ar; }; return [self, ex, ar]; }',
  'member paths': 'export function C(p) { const f = async () => { "use server"; return typeof p, p?.a?.b, p["c"], p[0], p.d(), p.e`x`, delete p.f, p.__proto__.x, p.g[p.h]; }; return f; }',
  'loop targets': 'export function C(p) { const f = async () => { "use server"; for (p.x in {}) ; for (const q in p.y) ; return 1; }; return f; }',
  'shadowing inside': 'export function C(p) { const x = 1; const f = async () => { "use server"; function x() {} return x; }; const g = async () => { "use server"; { let p = 2; return p; } }; return f; }',
  'a JSX attribute': 'export function C(p) { const m = new Map(); const f = async () => { "use server"; return m.get(p.id).name; }; return <form action={f} />; }',
};

const TYPESCRIPT_SHAPES: Record<string, string> = {
  'types around values': 'export function C(p: { id: string }) { const v = p.id as string; const f = async (x: number): Promise<number> => { "use server"; return (v as any).length + x + p!.id.length; }; return f; }',
  'type declarations': 'type T = { a: 1 }; interface I { b: 2 } export function C(p: T) { const f = async () => { "use server"; const q: I = null as any; return p.a + (q as T).a; }; return f; }',
};

interface Module {
  name: string;
  resourcePath: string;
  source: string;
}

function modules(): Module[] {
  const golden = caseNames().map((name) => {
    const testCase = loadCase(name);
    return { name: `golden case ${name}`, resourcePath: `/app/${testCase.relativePath}`, source: testCase.source };
  });
  const shapes = [
    ...Object.entries(SHAPES).map(([name, source]) => ({ name, resourcePath: '/app/src/C.jsx', source })),
    ...Object.entries(TYPESCRIPT_SHAPES).map(([name, source]) => ({ name, resourcePath: '/app/src/C.tsx', source })),
  ];
  const fuzzed = Array.from({ length: FUZZ_CASES }, (_, index) => {
    const fuzz = fuzzCase(1, index);
    return { name: `fuzz case ${index}`, resourcePath: fuzz.resourcePath, source: fuzz.source };
  });
  return [...golden, ...shapes, ...fuzzed];
}

function parsed(module: Module): t.File | null {
  try {
    return parseModule(module.source, module.resourcePath);
  } catch {
    return null;
  }
}

function printed(ast: t.File, module: Module): { code: string; map: unknown } {
  const { code, map } = generate(ast, { sourceMaps: true, sourceFileName: module.resourcePath, comments: true, compact: 'auto' }, module.source);
  return { code, map };
}

function throughBabel(ast: t.File, options: HoistTransformOptions): ReturnType<typeof findAndHoist> {
  let result: ReturnType<typeof findAndHoist> | undefined;
  traverse(ast, {
    Program(program: NodePath<t.Program>) {
      result = findAndHoist(program, options);
      program.stop();
    },
  });
  traverse.cache.clear();
  return result!;
}

describe('inline transform: the walk over plain nodes against Babel’s', () => {
  const all = modules();

  for (const nestedOnly of [false, true]) {
    it(`gives Babel's findings, records, code and map${nestedOnly ? ' (functions nested in a "use server" file)' : ''}`, () => {
      const differences: string[] = [];
      const taken = new Set<string>();
      for (const module of all) {
        const plainAst = parsed(module);
        const babelAst = parsed(module);
        if (!plainAst || !babelAst) continue;
        const options: HoistTransformOptions = { resourcePath: module.resourcePath, relativePath: 'src/module.js', salt: '', sourceMaps: true, directiveTypos: 'error', nestedOnly };
        const plain = hoistWithoutPaths(plainAst, module.source, options);
        if (!plain) continue;
        if (plain.inlineServerFunctions.length > 0) taken.add(module.name);
        const babel = throughBabel(babelAst, options);
        const same =
          babel.findings.problems.length === 0 &&
          babel.findings.warnings.length === 0 &&
          JSON.stringify(plain.inlineServerFunctions) === JSON.stringify(babel.inlineServerFunctions) &&
          JSON.stringify(printed(plainAst, module)) === JSON.stringify(printed(babelAst, module));
        if (!same) differences.push(module.name);
      }
      expect(differences).to.deep.equal([]);
      if (nestedOnly) return;
      // It takes on the common shapes itself, rather than leaving them all to Babel.
      for (const name of [...Object.keys(SHAPES), ...Object.keys(TYPESCRIPT_SHAPES)]) expect(taken, name).to.include(name);
      expect([...taken].filter((name) => name.startsWith('golden case')).length).to.be.at.least(35);
    });
  }
});
