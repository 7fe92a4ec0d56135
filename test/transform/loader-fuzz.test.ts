/**
 * Fuzzing the loader (loader/index.ts, run with a minimal loader context on every layer): generated
 * and mutated "use server", inline "use server" and "use client" modules, broken ones included, with
 * odd unicode, deep nesting and large sizes (test/helpers/fuzz/). The invariant (helpers/fuzz/check-run.ts):
 * the loader never throws and never reports an internal error; every module either builds to code that
 * parses, or fails with build errors located in the module (`whyNotLocated`) and code that only throws;
 * a module passed on untouched holds no directive; the layers agree on IDs and exports.
 *
 * Run alone (`--no-config`, or mocha adds every other test file from .mocharc.json):
 *   npx mocha --no-config --extension ts --node-option import=tsx test/loader-fuzz.test.ts
 * with, in the environment:
 *   FUZZ_CASES=20000          more cases (default 3000, about 10 s on 2 cores)
 *   FUZZ_SEED=7               another seed (default 1); FUZZ_SEED=random picks one and names it
 *   FUZZ_SEED=7 FUZZ_INDEX=1234   one case again, as a failure names it
 *   FUZZ_VERBOSE=1            print how the runs ended (passed through, kept, inline, generated, rejected)
 *
 * A failure names its seed, index and layer and writes the module to a file in the temp directory.
 */
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServerActionsBuildError } from '../../loader/located-error';
import { checkLayersAgree, checkRun, describeError, whyNotLocated, type Outcome } from '../helpers/fuzz/check-run';
import { FUZZ_ROOT, fuzzCase, type FuzzCase } from '../helpers/fuzz/fuzz-case';
import { LAYERS, runLoader, type LoaderRun, type LoaderRunInput } from '../helpers/fuzz/run-loader';
import type { Layer } from '../../shared/module-record';

function integerFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not ${process.env[name]}`);
  return value;
}

const CASES = integerFromEnv('FUZZ_CASES', 3000);
const SEED = process.env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : integerFromEnv('FUZZ_SEED', 1);
const ONLY_INDEX = process.env.FUZZ_INDEX === undefined ? null : integerFromEnv('FUZZ_INDEX', 0);
/** Distinct problems after which the run stops: enough to see a pattern, few enough to read. */
const MAX_FAILURES = 8;

interface Failure {
  fuzz: FuzzCase;
  layer: Layer;
  problem: string;
  reproFile: string;
}

function inputFor(fuzz: Pick<FuzzCase, 'source' | 'resourcePath' | 'sourceMap' | 'inputMap'>, layer: Layer): LoaderRunInput {
  return { source: fuzz.source, resourcePath: fuzz.resourcePath, layer, root: FUZZ_ROOT, sourceMap: fuzz.sourceMap, inputMap: fuzz.inputMap };
}

/** The module as UTF-8 (what an editor opens), and as JSON (exact: lone surrogates survive). */
function writeRepro(fuzz: FuzzCase, layer: Layer, problem: string): string {
  const base = path.join(tmpdir(), `wsa-loader-fuzz-${fuzz.seed}-${fuzz.index}`);
  const file = `${base}${path.extname(fuzz.resourcePath)}`;
  writeFileSync(file, fuzz.source);
  writeFileSync(`${base}.json`, JSON.stringify({ ...fuzz, layer, problem }, null, 2));
  return file;
}

function describeFailure({ fuzz, layer, problem, reproFile }: Failure): string {
  return [
    `seed ${fuzz.seed}, index ${fuzz.index}, layer ${layer} (${fuzz.recipe.join('; ')})`,
    `  file: ${path.relative(FUZZ_ROOT, fuzz.resourcePath)}${fuzz.sourceMap ? ' (source map asked for)' : ''}`,
    `  problem: ${problem.replace(/\n/g, '\n    ')}`,
    `  repro: ${reproFile} (exact text: ${reproFile.replace(/\.\w+$/, '.json')})`,
    `  replay: FUZZ_SEED=${fuzz.seed} FUZZ_INDEX=${fuzz.index} npx mocha --no-config --extension ts --node-option import=tsx test/loader-fuzz.test.ts`,
  ].join('\n');
}

/** A problem without its particulars (numbers, names), so that one bug is reported once. */
function signature(problem: string): string {
  return problem
    .split('\n')[0]
    .replace(/\b[0-9a-f]{8,}\b/g, 'ID')
    .replace(/\d+/g, 'N')
    .replace(/'[^']*'|"[^"]*"|`[^`]*`/g, 'S')
    .slice(0, 120);
}

/** Runs the loader on a fixed module on `layer` and checks the invariant; returns the run. */
function loaderOn(source: string, layer: Layer, file = 'src/module.js') {
  const input = inputFor({ source, resourcePath: path.posix.join(FUZZ_ROOT, file), sourceMap: false }, layer);
  const run = runLoader(input);
  const verdict = checkRun(input, run);
  expect(verdict.ok ? '' : verdict.problem, `the invariant on the ${layer} layer`).to.equal('');
  const errors = run.errors as ServerActionsBuildError[];
  return { code: run.calls[0].code as string, errors, messages: errors.map((e) => e.message.split('\n')[0]) };
}

describe('loader fuzzing', () => {
  describe('the invariant check', () => {
    const source = '"use server";\nexport const a = 1;\n';
    const located = () => new ServerActionsBuildError({ message: 'What is wrong.', fix: 'How to fix it.', loc: { line: 2, column: 7 } }, source, 'src/a.js');

    it('accepts the located build errors the loader makes', () => {
      expect(whyNotLocated(located(), source, 'src/a.js')).to.equal(null);
    });

    it('rejects errors without a location, outside the module, or with their stack', () => {
      expect(whyNotLocated(new TypeError('x'), source, 'src/a.js')).to.match(/not a ServerActionsBuildError/);
      const outside = new ServerActionsBuildError({ message: 'M.', fix: 'F.', loc: { line: 2, column: 40 } }, source, 'src/a.js');
      expect(whyNotLocated(outside, source, 'src/a.js')).to.match(/column 40 is not within line 2/);
      const withStack = located();
      withStack.stack = `${withStack.message}\n    at internal (loader/x.ts:1:1)`;
      expect(whyNotLocated(withStack, source, 'src/a.js')).to.equal('stack not hidden');
    });

    it('rejects a throw, an error passed to the callback and output that does not parse', () => {
      const input = inputFor({ source, resourcePath: `${FUZZ_ROOT}/src/a.js`, sourceMap: false }, 'server');
      const base = { calls: [], errors: [], warnings: [], record: { layer: 'server' as const, fingerprint: 'f' }, async: false, cpuMilliseconds: 1 };
      expect(checkRun(input, { ...base, thrown: new RangeError('Maximum call stack size exceeded') })).to.include({ ok: false });
      expect(checkRun(input, { ...base, calls: [{ error: new Error('x'), code: undefined, map: undefined }] })).to.include({ ok: false });
      const bad = { ...base, record: { ...base.record, directive: 'use server' as const }, calls: [{ error: null, code: 'export {', map: undefined }] };
      expect(checkRun(input, bad)).to.include({ ok: false });
    });
  });

  describe('what fuzzing found, fixed', () => {
    it('reports a module nested too deeply for the parser as a build error instead of throwing RangeError', () => {
      const source = `"use server";\nexport async function a() { return ${'('.repeat(20000)}1${')'.repeat(20000)}; }\n`;
      for (const layer of LAYERS) {
        const { messages, errors } = loaderOn(source, layer);
        expect(messages).to.deep.equal(['src/module.js:1:1: This module nests too deeply to be compiled: the compiler ran out of stack (Maximum call stack size exceeded).']);
        expect(errors[0].loc).to.deep.equal({ line: 1, column: 0 });
      }
    });

    it('rejects `new.target` in an inline arrow server function, which would not parse once hoisted', () => {
      const source = 'export function Page() {\n  const act = async () => {\n    "use server";\n    return new.target;\n  };\n  return act;\n}\n';
      expect(loaderOn(source, 'server').messages).to.deep.equal([
        'src/module.js:4:12: A server function cannot use `new.target`: it runs later, in another request, where the original call does not exist.',
      ]);
      // In a function of its own, `new.target` is that function's: it stays valid where the function moves.
      const own = 'export function Page() {\n  return async function act() {\n    "use server";\n    return new.target;\n  };\n}\n';
      expect(loaderOn(own, 'server').errors).to.deep.equal([]);
    });

    it('registers a "use server" file whose nested blocks declare the names the registration would use', () => {
      const source = [
        '"use server";',
        '{ var __registerServerReference = 1; }',
        'for (var __serverFunction_default of []) {}',
        'if (x) { var \\u005f_registerServerReference1 = 2; }',
        'export async function a() { return __registerServerReference2; }',
        'export default async () => {};',
        '',
      ].join('\n');
      const { code, errors } = loaderOn(source, 'server');
      expect(errors).to.deep.equal([]);
      expect(code).to.contain('import { registerServerReference as __registerServerReference3 }');
      expect(code).to.contain('const __serverFunction_default1 = async () => {};');
    });

    it('appends the facade import to a module that declares a function named like the facade function', () => {
      const source = 'function __webpack_server_actions_facade__() {}\nexport function Page() {\n  async function act() {\n    "use server";\n  }\n  return act;\n}\n';
      const { code, errors } = loaderOn(source, 'server');
      expect(errors).to.deep.equal([]);
      expect(code).to.match(/\{\n  function __webpack_server_actions_facade__\(\) \{\n    return import\(/);
    });

    it('reports a TypeScript name declared both by an import and locally, rather than throwing Babel\'s TypeError', () => {
      const source = '"use server";\nimport { a } from "./a";\nexport async function a() {}\n';
      for (const layer of LAYERS) {
        expect(loaderOn(source, layer, 'src/module.ts').messages).to.deep.equal([
          'src/module.ts:3:23: Cannot parse this module: Duplicate declaration "a".',
        ]);
      }
    });

    it('reports two TypeScript exports of one name, which would make proxies with two default exports', () => {
      const source = '"use server";\nasync function a() {}\nasync function b() {}\nexport default a;\nexport default b;\n';
      for (const layer of LAYERS) {
        expect(loaderOn(source, layer, 'src/module.ts').messages).to.deep.equal(['src/module.ts:5:1: Two exports are named `default`.']);
      }
    });

    it('renames a body declaration that shadows a captured variable the parameters read', () => {
      const source = 'export function C(title) {\n  return async (x = title) => {\n    "use server";\n    const title = 1;\n    return [x, title];\n  };\n}\n';
      const { code, errors } = loaderOn(source, 'server');
      expect(errors).to.deep.equal([]);
      expect(code).to.contain('var [x = title] = _args;\n  const _title = 1;\n  return [x, _title];');
    });

    it('leaves the name of a function expression to the body that declares it again', () => {
      const source = 'export function C(x) {\n  return async function db() {\n    "use server";\n    const db = x;\n    return db;\n  };\n}\n';
      const { code, errors } = loaderOn(source, 'server');
      expect(errors).to.deep.equal([]);
      expect(code).to.not.match(/const db = \$\$db_/);
    });

    it('binds a function declared in a class static block as a `var`, as a `var` of the same name may be', () => {
      const source = 'export function C(x) {\n  return class {\n    static {\n      for (var act of []) {}\n      async function act() { "use server"; return x; }\n    }\n  };\n}\n';
      const { code, errors } = loaderOn(source, 'server');
      expect(errors).to.deep.equal([]);
      expect(code).to.match(/static \{\n\s+var act = \$\$act_/);
    });

    it('hoists a function declared in a block and one of the same name in a `switch` of that block', () => {
      const source = [
        'export function C(b) {',
        '  {',
        '    async function act() { "use server"; return b; }',
        '    switch (b) {',
        '      case 1: async function act() { "use server"; return 2; }',
        '      default: return act;',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n');
      const { code, errors } = loaderOn(source, 'server');
      expect(errors).to.deep.equal([]);
      // The switch's own `act` stays in the switch: binding it before the switch would declare `act` twice.
      expect(code).to.match(/case 1:\n\s+let act = \$\$act_/);
    });

    it('looks for "use client" in a module with a long run of empty lines in linear time', function () {
      // The text scan once rescanned the rest of a run of empty lines for each line of it: 11 s for
      // 100,000 lines. A million lines would take that scan hours and take the linear one milliseconds,
      // so mocha's timeout is the check, with a margin no busy machine closes; no clock is read here.
      this.timeout(120_000);
      const { code } = loaderOn(`log("use client is not a directive here");${'\n'.repeat(1_000_000)}`, 'browser');
      expect(code.length).to.equal(1_000_042);
    });

    it('keeps the lines of a "use server" file whose anonymous default export spans lines (its source map holds)', () => {
      const source = '"use server";\nexport default\nasync () => {};\nexport async function b() {}\n';
      const { code, errors } = loaderOn(source, 'server');
      expect(errors).to.deep.equal([]);
      // Registrations go on the lines of what they follow.
      const lines = code.split('\n').map((line) => line.replace(/__registerServerReference\([\w$]+, "[0-9a-f]{40}", null\);/g, ''));
      expect(lines.slice(0, 4)).to.deep.equal(['"use server";', 'const __serverFunction_default = ', 'async () => {};', 'export async function b() {}']);
    });

    it('keeps the lines of a "use server" file whose name holds a line separator, which its wrapped exports name', () => {
      const source = '"use server";\nexport const save = wrap(async () => {});\nexport async function b() {}\n';
      const { code } = loaderOn(source, 'server', 'src/x\u2028y.js');
      expect(code).to.include('"src/x\\u2028y.js"');
    });

    it('places a parse error by its offset, where Babel\'s line falls short (an escape read across lines)', () => {
      const source = '"use server";\nexport async function y(\\u{61, b) {\n  return `${\\u005f_x}`;\n}\n';
      const { messages, errors } = loaderOn(source, 'server');
      expect(errors.map((e) => e.loc)).to.deep.equal([{ line: 3, column: 18 }]);
      expect(messages[0]).to.match(/^src\/module\.js:3:19: Cannot parse this module: /);
    });

    it('ends a parse error\'s sentence with one period', () => {
      expect(loaderOn('"use server";\nexport const a = "abc\n', 'server').messages).to.deep.equal([
        'src/module.js:2:18: Cannot parse this module: Unterminated string constant.',
      ]);
    });
  });

  it(`never throws; each module builds to JavaScript that parses or fails with located errors, alike on every layer (${ONLY_INDEX === null ? `${CASES} cases` : `case ${ONLY_INDEX}`}, seed ${SEED})`, function () {
    // About 3 ms a case on 2 cores; ten times that before mocha gives up.
    this.timeout(Math.max(120_000, CASES * 30));
    const failures = new Map<string, Failure & { count: number }>();
    const outcomes = new Map<Outcome | 'unchecked', number>();
    const indexes = ONLY_INDEX === null ? Array.from({ length: CASES }, (_, i) => i) : [ONLY_INDEX];
    for (const index of indexes) {
      const fuzz = fuzzCase(SEED, index);
      const fail = (layer: Layer, problem: string) => {
        const known = failures.get(signature(problem));
        if (known) known.count += 1;
        else failures.set(signature(problem), { fuzz, layer, problem, reproFile: writeRepro(fuzz, layer, problem), count: 1 });
      };
      const runs: { layer: Layer; run: LoaderRun }[] = [];
      for (const layer of LAYERS) {
        const input = inputFor(fuzz, layer);
        const run = runLoader(input);
        let verdict: ReturnType<typeof checkRun>;
        try {
          verdict = checkRun(input, run);
        } catch (error) {
          verdict = { ok: false, problem: `the check itself threw (a bug of the fuzzer): ${describeError(error)}` };
        }
        if (!verdict.ok) {
          fail(layer, verdict.problem);
          break;
        }
        outcomes.set(verdict.outcome, (outcomes.get(verdict.outcome) ?? 0) + 1);
        runs.push({ layer, run });
      }
      const disagreement = runs.length === LAYERS.length ? checkLayersAgree(runs) : null;
      if (disagreement) fail('server', disagreement);
      if (failures.size >= MAX_FAILURES) break;
    }
    if (process.env.FUZZ_VERBOSE) console.log(`      outcomes of ${indexes.length * LAYERS.length} runs:`, Object.fromEntries(outcomes));
    const report = [...failures.values()].map((f) => `${describeFailure(f)}\n  (${f.count} case(s) with this problem)`).join('\n\n');
    if (failures.size > 0) {
      const error = new Error(`the loader broke its invariant (${failures.size} distinct problem(s)):\n\n${report}\n`);
      error.stack = error.message;
      throw error;
    }
    if (ONLY_INDEX === null && CASES >= 1000) {
      // A generator that only wrote broken modules would prove nothing: every outcome must be common.
      const runs = CASES * LAYERS.length;
      for (const outcome of ['passed-through', 'kept', 'inline', 'generated', 'rejected'] as const) {
        expect(outcomes.get(outcome) ?? 0, `runs ending ${outcome}`).to.be.greaterThan(runs * 0.015);
      }
    }
  });
});

