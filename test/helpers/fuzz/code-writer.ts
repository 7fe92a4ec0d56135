/**
 * Writes random JavaScript: expressions, statements, functions and classes, mostly valid (names are
 * declared once per block, `await` only where it may be), with "use server" functions in every shape
 * an inline server function can take (capturing names whole or through member paths that are read,
 * called or written), and some it cannot (not async, a generator, a getter, using `this`,
 * `arguments`, `super` or `new.target`). Validity is a tendency, not a promise: the loader must cope
 * with both.
 */
import type { Random } from './prng';
import { directiveSpelling, pickName, pickString, quote } from './vocabulary';

export interface Scope {
  /** Names declared in this block (decoded): a new declaration picks another. */
  declared: Set<string>;
  /** Names code here may read. */
  visible: string[];
  /** `await` is allowed. */
  async: boolean;
  /** `return` is allowed. */
  inFunction: boolean;
  /** `new.target` is allowed: inside a non-arrow function, or an arrow within one. */
  newTarget: boolean;
}

export interface WriterOptions {
  /** JSX may be written (the module's extension lets the loader parse it). */
  jsx: boolean;
  /** How likely a function is to carry its own "use server". */
  inlineRate: number;
}

export function topScope(): Scope {
  return { declared: new Set(), visible: [], async: true, inFunction: false, newTarget: false };
}

/** `\u0061` and `a` name the same binding. */
function decoded(name: string): string {
  return name.replace(/\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})/g, (_, astral, bmp) =>
    String.fromCodePoint(parseInt(astral ?? bmp, 16)),
  );
}

const BINARY = ['+', '-', '*', '/', '%', '**', '&&', '||', '??', '===', '!==', '==', '<', '>=', '&', '|', '^', '<<', 'in', 'instanceof', ','];
const GLOBALS = ['console', 'Math', 'JSON', 'Promise', 'Symbol', 'globalThis', 'undefined', 'fetch', 'React'];

export class CodeWriter {
  constructor(
    readonly rng: Random,
    readonly options: WriterOptions,
  ) {}

  /** Declares a name in `scope` and returns it as written (perhaps with escapes). */
  declare(scope: Scope, wanted?: string): string {
    let name = wanted ?? pickName(this.rng);
    for (let n = 2; scope.declared.has(decoded(name)); n += 1) name = `${wanted ?? name.replace(/\d+$/, '')}${n}`;
    scope.declared.add(decoded(name));
    scope.visible.push(name);
    return name;
  }

  child(scope: Scope, kind: 'block' | 'function' | 'async-function' | 'arrow' | 'async-arrow'): Scope {
    const fn = kind !== 'block';
    const arrow = kind === 'arrow' || kind === 'async-arrow';
    return {
      declared: new Set(),
      visible: [...scope.visible],
      async: kind === 'block' ? scope.async : kind === 'async-function' || kind === 'async-arrow',
      inFunction: fn || scope.inFunction,
      newTarget: arrow ? scope.newTarget : fn || scope.newTarget,
    };
  }

  reference(scope: Scope): string {
    if (scope.visible.length > 0 && this.rng.chance(0.8)) return this.rng.pick(scope.visible);
    return this.rng.pick(GLOBALS);
  }

  atom(scope: Scope): string {
    const rng = this.rng;
    return rng.weighted<() => string>([
      [4, () => this.reference(scope)],
      [2, () => String(rng.int(0, 1000))],
      [2, () => pickString(rng)],
      [1, () => rng.pick(['null', 'true', 'false', '1n', '0x1F', '1e3', '.5', '1_000'])],
      [1, () => `\`${rng.pick(['', 'use server', 'a\u2028b', '\\u{1F600}'])}\``],
      [1, () => rng.pick(['/use server/u', '/[\\u{1F600}]/u', '/a\\/b/g', '/(?<n>x)\\k<n>/'])],
      [scope.newTarget ? 0.2 : 0.01, () => 'new.target'],
      [0.1, () => 'this'],
      [scope.inFunction ? 0.1 : 0.02, () => 'arguments'],
      [0.3, () => 'import.meta.url'],
    ])();
  }

  expression(scope: Scope, depth: number): string {
    if (depth <= 0) return this.atom(scope);
    const rng = this.rng;
    const sub = () => this.expression(scope, depth - 1);
    return rng.weighted<() => string>([
      [3, () => this.atom(scope)],
      [2, () => this.binary(scope, depth - 1)],
      [2, () => `${this.reference(scope)}(${rng.repeat(rng.int(0, 3), sub, ', ')})`],
      [1, () => `(${sub()})${rng.pick(['.a', '?.b', '[0]', '?.[x]', '.then'])}`],
      [1, () => `({ ${rng.repeat(rng.int(0, 3), () => this.property(scope, depth - 1), ', ')} })`],
      [1, () => `[${rng.repeat(rng.int(0, 3), sub, ', ')}]`],
      [2, () => this.functionExpression(scope, depth - 1)],
      [scope.async ? 1 : 0.01, () => `(await ${sub()})`],
      [1, () => `(${sub()} ? ${sub()} : ${sub()})`],
      [1, () => `\`a\${${sub()}}b\${${sub()}}\``],
      [0.5, () => `${this.reference(scope)}\`t\${${sub()}}\``],
      [0.5, () => `new ${this.reference(scope)}(${sub()})`],
      [this.options.jsx ? 2 : 0, () => `(${this.jsx(scope, depth - 1)})`],
      [0.5, () => `(${this.classCode(scope, depth - 1, null)})`],
      [0.3, () => `import(${pickString(rng)})`],
      [0.5, () => `(${this.reference(scope)} = ${sub()})`],
      [0.03, () => `super.${this.rng.pick(['x', 'm()'])}`],
      [0.3, () => `(${rng.pick(['typeof', 'void', '!', '-', '~'])} ${sub()})`],
    ])();
  }

  binary(scope: Scope, depth: number): string {
    const left = this.expression(scope, depth);
    const operator = this.rng.pick(BINARY);
    // Babel's generator drops the parentheses of `(<a />) < b`, and `<a /> < b` does not parse (a Babel
    // bug the loader's reprinted output would inherit): comparisons with JSX on the left use `<=`.
    const safe = operator === '<' && /<[\p{L}>]/u.test(left) ? '<=' : operator;
    return `(${left} ${safe} ${this.expression(scope, depth)})`;
  }

  property(scope: Scope, depth: number): string {
    const rng = this.rng;
    const key = rng.weighted<() => string>([
      [4, () => pickName(rng)],
      [1, () => pickString(rng)],
      [1, () => `[${this.expression(scope, 0)}]`],
      [1, () => String(rng.int(0, 9))],
    ])();
    return rng.weighted<() => string>([
      [4, () => `${key}: ${this.expression(scope, depth)}`],
      [2, () => this.method(scope, depth, key, false)],
      [1, () => `...${this.expression(scope, depth)}`],
      [0.5, () => this.reference(scope).replace(/^(this|new\.target|import\.meta\.url|arguments)$/, 'a')],
    ])();
  }

  /** An object or class method; sometimes an accessor, sometimes a server function. */
  method(scope: Scope, depth: number, key: string, inClass: boolean): string {
    const rng = this.rng;
    const server = rng.chance(this.options.inlineRate);
    const isStatic = inClass && rng.chance(server ? 0.9 : 0.6) ? 'static ' : '';
    const kind = rng.weighted<string>([[server ? 30 : 8, ''], [1, 'get '], [1, 'set ']]);
    const isAsync = !kind && rng.chance(server ? 0.95 : 0.75);
    const generator = !kind && rng.chance(server ? 0.03 : 0.1) ? '*' : '';
    const params = kind === 'get ' ? '' : kind === 'set ' ? 'v' : this.params(scope);
    const bodyScope = this.child(scope, isAsync ? 'async-function' : 'function');
    const body = this.functionBody(bodyScope, depth, server);
    const name = inClass && rng.chance(0.15) ? `#${key.replace(/\W/g, '') || 'p'}` : key;
    return `${isStatic}${kind}${isAsync ? 'async ' : ''}${generator}${name}(${params}) ${body}`;
  }

  params(scope: Scope): string {
    const rng = this.rng;
    const count = rng.int(0, 3);
    const params: string[] = [];
    for (let i = 0; i < count; i += 1) {
      // `scope` is the function's own: its parameters are declared there, once each.
      const name = this.declare(scope);
      params.push(
        rng.weighted<string>([
          [6, name],
          [1, `${name} = ${this.expression(scope, 0)}`],
          [1, `{ ${name}, ...rest${i} }`],
          [1, `[${name}, , ${name}${i}b = 1]`],
        ]),
      );
    }
    if (rng.chance(0.1)) params.push(`...${this.declare(scope, 'args')}`);
    return params.join(', ');
  }

  /** A function body, optionally with "use server" (or a slip of it) in its prologue. */
  functionBody(scope: Scope, depth: number, serverFunction: boolean): string {
    const rng = this.rng;
    const prologue: string[] = [];
    if (rng.chance(0.005)) prologue.push('"use strict"');
    if (serverFunction) {
      if (rng.chance(0.1)) prologue.push(rng.pick(['/* why */', '// why\n']) + directiveSpelling(rng, 'use server'));
      else prologue.push(directiveSpelling(rng, 'use server'));
    }
    if (rng.chance(0.05)) prologue.push(directiveSpelling(rng, 'use client'));
    const statements = rng.repeat(rng.int(0, depth > 0 ? 4 : 1), () => this.statement(scope, depth - 1), '\n');
    const captured = serverFunction && scope.visible.length > 0 && rng.chance(0.7)
      ? `\nreturn [${rng.repeat(rng.int(1, 3), () => this.capturedUse(scope), ', ')}];`
      : '';
    return `{\n${prologue.map((d) => `${d};`).join('\n')}\n${statements}${captured}\n}`;
  }

  /** A server function's use of a name it may capture: whole, or a member path read, called or written. */
  capturedUse(scope: Scope): string {
    const name = this.reference(scope);
    return this.rng.weighted<() => string>([
      [4, () => name],
      [1, () => `${name}.a.b`],
      [1, () => `${name}?.a?.["k-1"]`],
      [1, () => `${name}[0].c + ${name}.a`],
      [1, () => `${name}.m()`],
      [0.5, () => `${name}.a?.m?.()`],
      [0.3, () => `${name}.t\`x\``],
      [0.5, () => `(${name}.w = 1)`],
      [0.3, () => `${name}.n++`],
      [0.3, () => `delete ${name}.d`],
      [0.3, () => `typeof ${name}.a`],
      [0.3, () => `${name}.__proto__`],
      [0.3, () => `${name}[${this.reference(scope)}]`],
    ])();
  }

  functionExpression(scope: Scope, depth: number): string {
    const rng = this.rng;
    const server = rng.chance(this.options.inlineRate);
    const isAsync = server ? rng.chance(0.96) : rng.chance(0.5);
    const arrow = rng.chance(0.55);
    const inner = this.child(scope, arrow ? (isAsync ? 'async-arrow' : 'arrow') : isAsync ? 'async-function' : 'function');
    const params = this.params(inner);
    if (arrow) {
      if (!server && rng.chance(0.4)) return `(${isAsync ? 'async ' : ''}(${params}) => ${this.expression(inner, depth)})`;
      return `(${isAsync ? 'async ' : ''}(${params}) => ${this.functionBody(inner, depth, server)})`;
    }
    const generator = rng.chance(server ? 0.03 : 0.08) ? '*' : '';
    const name = rng.chance(0.4) ? ` ${this.declare(inner)}` : '';
    return `(${isAsync ? 'async ' : ''}function${generator}${name}(${params}) ${this.functionBody(inner, depth, server)})`;
  }

  functionDeclaration(scope: Scope, depth: number, server = this.rng.chance(this.options.inlineRate)): string {
    const rng = this.rng;
    const isAsync = server ? rng.chance(0.96) : rng.chance(0.5);
    const generator = rng.chance(server ? 0.03 : 0.06) ? '*' : '';
    const name = this.declare(scope);
    const inner = this.child(scope, isAsync ? 'async-function' : 'function');
    return `${isAsync ? 'async ' : ''}function${generator} ${name}(${this.params(inner)}) ${this.functionBody(inner, depth, server)}`;
  }

  classCode(scope: Scope, depth: number, name: string | null): string {
    const rng = this.rng;
    const inner = this.child(scope, 'block');
    const constructor = rng.chance(0.15)
      ? `constructor(${this.params(inner)}) ${this.functionBody(this.child(inner, 'function'), depth, rng.chance(0.1))}\n`
      : '';
    const members = rng.repeat(rng.int(0, 4), () =>
      rng.weighted<() => string>([
        [3, () => this.method(inner, depth, pickName(rng), true)],
        [1, () => `${rng.pick(['', 'static '])}${rng.pick(['x', '#y', '[k]', '"s"'])} = ${this.expression(inner, depth)};`],
        [1, () => `static ${this.block({ ...this.child(inner, 'block'), async: false, inFunction: false }, depth)}`],
      ])(),
    '\n');
    const heritage = rng.chance(0.2) ? ` extends ${this.reference(scope)}` : '';
    return `class${name ? ` ${name}` : ''}${heritage} {\n${constructor}${members}\n}`;
  }

  jsx(scope: Scope, depth: number): string {
    const rng = this.rng;
    const tag = rng.pick(['div', 'form', 'button', 'Note', 'a.b', 'svg:path', '']);
    const attributes = rng.repeat(rng.int(0, 3), () =>
      rng.weighted<() => string>([
        [3, () => `${rng.pick(['action', 'formAction', 'onClick', 'data-x', 'key'])}={${this.expression(scope, depth)}}`],
        [1, () => `title=${quote(rng.pick(['a', 'use server', 'ü\u2028']))}`],
        [1, () => `{...${this.reference(scope)}}`],
      ])(),
    ' ');
    const children = rng.repeat(rng.int(0, 2), () =>
      rng.weighted<() => string>([
        [2, () => `{${this.expression(scope, depth)}}`],
        [1, () => rng.pick(['text', 'use server', '&amp; ü 😀', ' '])],
        [depth > 0 ? 1 : 0, () => this.jsx(scope, depth - 1)],
      ])(),
    );
    if (!tag) return `<>${children}</>`;
    if (!children && rng.chance(0.5)) return `<${tag} ${attributes} />`;
    return `<${tag} ${attributes}>${children}</${tag}>`;
  }

  statement(scope: Scope, depth: number): string {
    const rng = this.rng;
    const sub = () => this.expression(scope, Math.max(0, depth));
    const block = (kind: 'block' = 'block') => this.block(this.child(scope, kind), depth - 1);
    if (depth <= 0) return `${sub()};`;
    return rng.weighted<() => string>([
      [4, () => `${sub()};`],
      [4, () => `${rng.pick(['const', 'let', 'var'])} ${this.declare(scope)} = ${sub()};`],
      [1, () => `const { ${this.declare(scope)}, b: ${this.declare(scope)}, ...${this.declare(scope)} } = ${sub()};`],
      [3, () => this.functionDeclaration(scope, depth - 1)],
      [1, () => this.classCode(scope, depth - 1, this.declare(scope))],
      [1, () => `if (${sub()}) ${block()} else ${block()}`],
      [1, () => {
        const inner = this.child(scope, 'block');
        const name = this.declare(inner);
        return `for (${rng.pick(['const', 'let', 'var'])} ${name} of ${sub()}) ${this.block(inner, depth - 1)}`;
      }],
      [0.5, () => `for (let i = 0; i < 3; i++) ${block()}`],
      [0.5, () => `while (${sub()}) ${block()}`],
      [0.5, () => `switch (${sub()}) {\ncase 1: ${this.functionDeclaration(this.child(scope, 'block'), depth - 1)}\ndefault: ${sub()};\n}`],
      [1, () => `try ${block()} catch (${this.declare(this.child(scope, 'block'), 'e')}) ${block()} finally ${block()}`],
      [0.5, () => `label: ${block()}`],
      [scope.inFunction ? 2 : 0, () => `return ${sub()};`],
      [0.5, () => `throw ${sub()};`],
      [0.2, () => rng.pick(['"use server";', "'use client';", '("use server");', '`use server`;', '"use server".length;', ';'])],
      [0.5, () => rng.pick(['// use server', '/* "use server" */', '/** @type {"use client"} */'])],
    ])();
  }

  block(scope: Scope, depth: number): string {
    return `{\n${this.rng.repeat(this.rng.int(0, 3), () => this.statement(scope, depth), '\n')}\n}`;
  }
}
