/**
 * Whole modules of each kind the loader meets: "use server" files with every export form (allowed or
 * not), server components with inline "use server" functions, "use server" files with inline
 * functions, "use client" files, CommonJS, modules with directives in odd places, and token soup.
 */
import { CodeWriter, topScope, type Scope } from './code-writer';
import type { Random } from './prng';
import { FORBIDDEN_NAMES, LOADER_NAMES, directiveSpelling, pickName, pickOdd, pickString, quote } from './vocabulary';

export type ModuleKind = 'use-server' | 'inline' | 'use-server-inline' | 'use-client' | 'commonjs' | 'odd-directives' | 'soup';

type Directive = 'use server' | 'use client';

/** What may come before the directive, the directive itself, and what may follow it in the prologue. */
export function prologue(rng: Random, directive: Directive | null): string {
  let text = '';
  if (rng.chance(0.03)) text += '#!/usr/bin/env node\n';
  text += rng.repeat(rng.int(0, 2), () =>
    rng.pick(['// a comment\n', '/* block */ ', '/** "use client" */\n', '\n', '\u2028', '\r\n', '/*\u2029*/', '// "use server"\n']),
  );
  if (rng.chance(0.1)) text += '"use strict";\n';
  if (directive) {
    text += directiveSpelling(rng, directive) + rng.pick([';\n', '\n', ';', ' ;\r\n', '\u2028']);
    if (rng.chance(0.08)) text += directiveSpelling(rng, rng.pick(['use server', 'use client'])) + ';\n';
  }
  if (rng.chance(0.05)) text += rng.pick(['"use strict";\n', "'another directive';\n", '"use\\x20server";\n']);
  return text;
}

const EXPORT_STRING_NAMES = ['string name', '', 'default', '😀', 'a\u2028b', '__proto__', 'then', 'constructor', 'use server', 'ü', '𝒜'];

/** An export name: an identifier, or now and then a string (with a lone surrogate only when broken). */
function exportName(rng: Random): string {
  if (rng.chance(0.75)) return pickName(rng);
  if (rng.chance(0.02)) return '"\\uD800"';
  return quote(rng.pick(EXPORT_STRING_NAMES));
}

class ModuleBuilder {
  readonly scope: Scope = topScope();
  readonly parts: string[] = [];
  private hasDefault = false;
  private readonly exported = new Set<string>();

  constructor(readonly w: CodeWriter) {}

  get rng(): Random {
    return this.w.rng;
  }

  add(code: string): void {
    this.parts.push(code);
  }

  /** `export default`, or an ordinary export once the default is taken (a second one now and then). */
  takeDefault(): boolean {
    if (this.hasDefault && this.rng.chance(0.99)) return false;
    this.hasDefault = true;
    return true;
  }

  /** A name to export under that no other export of the module has (now and then one that does). */
  exportAs(): string {
    const picked = exportName(this.rng);
    const quoted = picked.startsWith('"');
    let name: string = quoted ? JSON.parse(picked) : picked;
    if (name === 'default' && !this.takeDefault()) name = 'notDefault';
    const taken = (candidate: string) => this.exported.has(candidate) || this.scope.declared.has(candidate);
    for (let n = 2; taken(name) && this.rng.chance(0.98); n += 1) name = `${name.replace(/\d+$/, '')}${n}`;
    this.exported.add(name);
    this.scope.declared.add(name);
    return quoted || !/^[\p{ID_Start}$_\\]/u.test(name) ? quote(name) : name;
  }

  imports(): void {
    const rng = this.rng;
    this.add(rng.repeat(rng.int(0, 2), () =>
      rng.weighted<() => string>([
        [3, () => `import { ${this.w.declare(this.scope)} } from ${pickString(rng)};`],
        [1, () => `import ${this.w.declare(this.scope)} from "./db";`],
        [1, () => `import * as ${this.w.declare(this.scope)} from "react";`],
        [0.5, () => `import "./side-effect.css";`],
        [0.3, () => `import { ${rng.pick(LOADER_NAMES)} } from "./x";`],
      ])(),
    '\n'));
  }

  code(): string {
    return this.parts.join('\n');
  }
}

/** One export of a "use server" file: the allowed forms more often than the others. */
function serverExport(b: ModuleBuilder): string {
  const { w, rng, scope } = b;
  const body = (kind: 'async-function' | 'function' | 'async-arrow') => w.functionBody(w.child(scope, kind), rng.int(0, 3), rng.chance(0.05));
  const params = () => w.params(w.child(scope, 'async-function'));
  const local = (code: (name: string) => string) => {
    const name = w.declare(scope);
    return `${code(name)}\nexport { ${name}${rng.chance(0.5) ? ` as ${b.exportAs()}` : ''} };`;
  };
  const defaultOr = (code: string, otherwise: () => string) => (b.takeDefault() ? code : otherwise());
  const forms: (readonly [number, () => string])[] = [
    [6, () => `export async function ${w.declare(scope)}(${params()}) ${body('async-function')}`],
    [4, () => `export const ${w.declare(scope)} = async (${params()}) => ${body('async-arrow')};`],
    [2, () => `export const ${w.declare(scope)} = async function${rng.chance(0.5) ? ` ${pickName(rng)}` : ''}(${params()}) ${body('async-function')};`],
    [3, () => local((name) => `async function ${name}(${params()}) ${body('async-function')}`)],
    [1, () => local((name) => `const ${name} = async () => ${w.expression(scope, 1)};`)],
    [2, () => defaultOr(`export default async function${rng.chance(0.5) ? ` ${w.declare(scope)}` : ''}${rng.pick([' ', '/* c */', '\n'])}(${params()}) ${body('async-function')}`, () => serverExport(b))],
    [2, () => {
      const open = rng.pick(['', '(', '((', '/* c */ (']);
      const close = ')'.repeat(open.split('(').length - 1);
      return defaultOr(`export default ${open}async (${params()}) => ${w.expression(scope, 1)}${close};`, () => serverExport(b));
    }],
    [1, () => defaultOr(`export default (async function () ${body('async-function')});`, () => serverExport(b))],
    [1, () => defaultOr(`export default ((async () => {}));`, () => serverExport(b))],
    [1, () => {
      const name = w.declare(scope);
      return `async function ${name}() {}\n${defaultOr(`export default ${name};`, () => `export { ${name} };`)}`;
    }],
    // What a "use server" file may not export: each is a located build error.
    [0.25, () => `export function ${w.declare(scope)}() ${body('function')}`],
    [0.2, () => `export async function* ${w.declare(scope)}() {}`],
    [0.2, () => `export ${rng.pick(['let', 'var'])} ${w.declare(scope)} = async () => {};`],
    [0.2, () => `export const ${w.declare(scope)} = ${w.expression(scope, 1)};`],
    [0.2, () => `export const { ${w.declare(scope)}, ${w.declare(scope)} } = ${w.reference(scope)};`],
    [0.15, () => `export const [${w.declare(scope)}] = [async () => {}];`],
    [0.2, () => `export class ${w.declare(scope)} {}`],
    [0.15, () => defaultOr(`export default ${rng.pick(['class {}', '42', 'function () {}', 'async function* () {}', '{ a: 1 }', 'async () => {}, 1'])};`, () => serverExport(b))],
    [0.15, () => `export * from "./y";`],
    [0.15, () => `export * as ${pickName(rng)} from "./y";`],
    [0.15, () => `export { ${pickName(rng)} as ${b.exportAs()} } from "./y";`],
    [0.1, () => defaultOr(`export { default } from "./y";`, () => serverExport(b))],
    [0.15, () => { const name = w.declare(scope); return `import { x as ${name} } from "./y";\nexport { ${name} };`; }],
    [0.15, () => { const name = w.declare(scope); return `async function ${name}() {}\nexport { ${name}, ${name} as ${w.declare(scope)}2 };`; }],
    // Valid, but names in nested blocks that are top-level all the same.
    [0.4, () => `{ var ${rng.pick([...LOADER_NAMES, 'v'])} = async () => {}; }`],
    [0.3, () => `for (var ${rng.pick(LOADER_NAMES)} of []) {}`],
    [0.3, () => `if (x) { function ${rng.pick(LOADER_NAMES)}() {} } else { ${rng.pick(LOADER_NAMES)}(); }`],
    [1, () => w.statement(scope, 2)],
  ];
  return rng.weighted(forms)();
}

function useServerFile(b: ModuleBuilder): void {
  b.add(prologue(b.rng, 'use server'));
  b.imports();
  b.add(b.rng.repeat(b.rng.int(0, 5), () => serverExport(b), '\n'));
}

/** A server component (no file directive) whose functions carry "use server". */
function inlineModule(b: ModuleBuilder): void {
  const { w, rng, scope } = b;
  b.add(prologue(rng, rng.chance(0.1) ? 'use client' : null));
  b.imports();
  b.add(rng.repeat(rng.int(1, 4), () =>
    rng.weighted<() => string>([
      [4, () => `export ${b.takeDefault() ? 'default ' : ''}${w.functionDeclaration(scope, rng.int(1, 4), false)}`],
      [2, () => w.functionDeclaration(scope, rng.int(1, 4))],
      [2, () => `export ${w.functionDeclaration(scope, rng.int(0, 2), true)}`],
      [1, () => `const ${w.declare(scope)} = ${w.functionExpression(scope, rng.int(1, 3))};`],
      [1, () => `${b.takeDefault() ? 'export default ' : ''}${w.classCode(scope, rng.int(1, 3), w.declare(scope))}`],
      [1, () => w.statement(scope, rng.int(1, 4))],
      [0.5, () => (b.takeDefault() ? `export default ${w.functionExpression(scope, 2)};` : ';')],
    ])(),
  '\n'));
}

function useServerWithInline(b: ModuleBuilder): void {
  useServerFile(b);
  b.add(inlineExports(b));
}

function inlineExports(b: ModuleBuilder): string {
  const { w, rng, scope } = b;
  return rng.repeat(rng.int(1, 3), () => `export ${w.functionDeclaration(scope, rng.int(1, 3), rng.chance(0.5))}`, '\n');
}

/** One export of a "use client" file: anything a module can export. */
function clientExport(b: ModuleBuilder): string {
  const { w, rng, scope } = b;
  return rng.weighted<() => string>([
    [4, () => `export ${w.functionDeclaration(scope, rng.int(0, 3), false)}`],
    [2, () => `export ${rng.pick(['const', 'let', 'var'])} ${w.declare(scope)} = ${w.expression(scope, 2)};`],
    [1, () => `export const { ${w.declare(scope)}, b: ${w.declare(scope)}, ...${w.declare(scope)} } = ${w.reference(scope)};`],
    [1, () => `export const [${w.declare(scope)}, , ${w.declare(scope)} = 1] = ${w.reference(scope)};`],
    [1, () => `export ${w.classCode(scope, 1, w.declare(scope))}`],
    [2, () => (b.takeDefault() ? `export default ${rng.pick([w.expression(scope, 2), w.functionDeclaration(scope, 2, false), 'class {}'])};` : ';')],
    [1, () => { const name = w.declare(scope); return `const ${name} = 1;\nexport { ${name} as ${b.exportAs()} };`; }],
    [0.5, () => `export { ${pickName(rng)} as ${b.exportAs()}${b.takeDefault() ? ', default' : ''} } from "./y";`],
    [0.5, () => `export * as ${b.exportAs()} from "./y";`],
    [0.3, () => `export * from "./y";`],
    [1, () => w.statement(scope, 2)],
  ])();
}

function useClientFile(b: ModuleBuilder): void {
  b.add(prologue(b.rng, 'use client'));
  b.imports();
  b.add(b.rng.repeat(b.rng.int(0, 5), () => clientExport(b), '\n'));
}

function commonJs(b: ModuleBuilder): void {
  const { w, rng, scope } = b;
  b.add(prologue(rng, rng.pick(['use server', 'use client'])));
  b.add(`const ${w.declare(scope)} = require(${pickString(rng)});`);
  b.add(rng.repeat(rng.int(1, 3), () =>
    rng.pick([
      `module.exports = { ${w.property(scope, 1)} };`,
      `exports.${pickName(rng)} = ${w.functionExpression(scope, 2)};`,
      `module.exports.default = async () => {};`,
      `Object.defineProperty(exports, "__esModule", { value: true });`,
    ]),
  '\n'));
}

/** Directives everywhere but where they count, and text that looks like them. */
function oddDirectives(b: ModuleBuilder): void {
  const { w, rng, scope } = b;
  const directive: Directive = rng.pick(['use server', 'use client']);
  const spots = [
    () => `${w.statement(scope, 1)}\n${directiveSpelling(rng, directive)};`,
    () => `const ${w.declare(scope)} = ${quote(directive)}, ${w.declare(scope)} = \`${directive}\`, ${w.declare(scope)} = /${directive}/;`,
    () => `function ${w.declare(scope)}() { ${w.statement(scope, 0)} ${directiveSpelling(rng, 'use server')}; }`,
    () => `function ${w.declare(scope)}() { ${directiveSpelling(rng, 'use server')} + 1; }`,
    () => `async () => ${directiveSpelling(rng, 'use server')};`,
    () => `class ${w.declare(scope)} { static { ${directiveSpelling(rng, 'use server')}; } }`,
    () => `(${directiveSpelling(rng, directive)});`,
    () => `${directiveSpelling(rng, directive)}.trim();`,
    () => `// ${directiveSpelling(rng, directive)}\n/* ${directive} */`,
    () => `label: ${directiveSpelling(rng, directive)};`,
    () => `if (x) ${directiveSpelling(rng, directive)};`,
    () => `const ${w.declare(scope)} = { async m() { ${rng.pick(['"use strict";', '/* c */', ''])} ${directiveSpelling(rng, 'use server')}; } };`,
    () => `throw new Error("Functions cannot be passed directly to Client Components unless you explicitly expose it by marking it with \\"use server\\". Or maybe you meant to call this function rather than return it. ${directive}");`,
  ];
  b.add(prologue(rng, rng.chance(0.5) ? directive : null));
  b.add(rng.repeat(rng.int(1, 5), () => rng.pick(spots)(), '\n'));
}

const SOUP_TOKENS = [
  'export', 'default', 'async', 'function', 'const', 'let', 'var', 'class', 'static', 'await', 'return', 'import',
  'from', 'as', '*', '{', '}', '(', ')', '[', ']', '=>', '=', ';', ',', '.', '...', '"use server"', "'use client'",
  '"x"', '1', 'a', 'b', 'new', 'target', 'super', 'this', 'arguments', 'yield', '<div>', '</div>', '/>', '`${', '}`',
  '#x', '?.', '??', ':', '?', '\n', ' ', '//', '/*', '*/',
];

function soup(b: ModuleBuilder): void {
  const rng = b.rng;
  b.add(prologue(rng, rng.pick(['use server', 'use client', null])));
  b.add(rng.repeat(rng.int(1, 60), () =>
    rng.weighted<() => string>([
      [8, () => rng.pick(SOUP_TOKENS)],
      [2, () => pickName(rng)],
      [1, () => rng.pick(FORBIDDEN_NAMES)],
      [1, () => pickOdd(rng)],
      [1, () => pickString(rng)],
    ])(),
  ' '));
}

const KINDS: Record<ModuleKind, { write: (b: ModuleBuilder) => void; inlineRate: number }> = {
  'use-server': { write: useServerFile, inlineRate: 0.03 },
  inline: { write: inlineModule, inlineRate: 0.35 },
  'use-server-inline': { write: useServerWithInline, inlineRate: 0.2 },
  'use-client': { write: useClientFile, inlineRate: 0.03 },
  commonjs: { write: commonJs, inlineRate: 0.1 },
  'odd-directives': { write: oddDirectives, inlineRate: 0.1 },
  soup: { write: soup, inlineRate: 0 },
};

export function writeModule(rng: Random, kind: ModuleKind, jsx: boolean): string {
  const { write, inlineRate } = KINDS[kind];
  const builder = new ModuleBuilder(new CodeWriter(rng, { jsx, inlineRate }));
  write(builder);
  return builder.code();
}
