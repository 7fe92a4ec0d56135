/**
 * Golden-file tests of the loader's pure transform. Each folder under test/transform/cases is one case:
 *
 *   input.{js,jsx,ts,tsx}  the module as the user wrote it
 *   options.json           optional: { "layers": ["server", "browser", "ssr"] } (the default: all three),
 *                          and the loader option "directiveTypos": "error" (the default) or "warning"
 *   output.<layer>.js      the code for each layer that rewrites the module (no file: passed through)
 *   error.txt              the formatted build errors, when the module is rejected
 *   warning.txt            the formatted build warnings (a misspelled directive), when there are any
 *   meta.json              what the loader records: directive, server function IDs (file and inline),
 *                          client exports, warnings
 *
 * Every line of an input that carries a `// error` comment must get exactly one problem per marker, and
 * no other line any: so each case proves that all of its problems are reported, not just the first. A
 * `// warning` comment does the same for warnings.
 *
 * Outputs are checked beyond the golden text: each is re-parsed; a module with inline "use server"
 * functions must export and register each recorded function once, under its own ID, and bind exactly
 * the variables it captures, which the test finds on its own in the input.
 *
 * `UPDATE_GOLDEN=1 npx mocha test/transform/transform.test.ts` rewrites the golden files; review the diff, the
 * golden files are the specification.
 */
import { transformSync } from '@babel/core';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { expect } from 'chai';
import { transformModule, type TransformOptions } from '../../loader/transform';
import type { Layer } from '../../shared/module-record';
import {
  CALL_SERVER_MODULE,
  caseNames,
  existingGoldenFiles,
  goldenFiles,
  loadCase,
  markedLines,
  readGoldenFile,
  runCase,
  writeGoldenFiles,
  type CaseRuns,
} from '../helpers/transform-cases';
import { TransformedModuleRunner } from '../helpers/transform-module-runner';
import { CASE_CHECKS } from '../helpers/transform-output-checks';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

function describeCase(name: string): void {
  const testCase = loadCase(name);
  describe(name, () => {
    let caseRuns: CaseRuns;
    let golden: Map<string, string>;
    before(() => {
      caseRuns = runCase(testCase);
      golden = goldenFiles(caseRuns);
      if (UPDATE) writeGoldenFiles(testCase, golden);
    });

    it('has a golden file for each output, and no other', () => {
      expect(existingGoldenFiles(testCase)).to.deep.equal([...golden.keys()].sort());
    });

    it('matches the golden files', () => {
      for (const [file, text] of golden) expect(text, file).to.equal(readGoldenFile(testCase, file));
    });

    for (const [title, check] of CASE_CHECKS) it(title, () => check(caseRuns));
  });
}

describe('transformModule golden files', () => {
  const names = caseNames();

  it('has the cases, one of them with many problems', () => {
    expect(names.length).to.be.at.least(90);
    expect(names.filter((name) => name.startsWith('inline-')).length).to.be.at.least(50);
    expect(Math.max(...names.map((name) => markedLines(loadCase(name).source, 'error').length))).to.be.at.least(3);
  });

  for (const name of names) describeCase(name);
});

// ---------------------------------------------------------------------------------------------------

const optionsFor = (layer: Layer, relativePath = 'src/actions.js', salt = ''): TransformOptions => ({
  resourcePath: `/checkout/${relativePath}`,
  relativePath,
  layer,
  salt,
  callServerModule: CALL_SERVER_MODULE,
});

describe('transformModule outside the golden files', () => {
  const actions = '"use server";\nexport async function createNote() {}\n';

  it('throws a located SyntaxError for a directive module that does not parse', () => {
    const source = '"use server";\nexport async function createNote( {\n';
    expect(() => transformModule(source, optionsFor('server')))
      .to.throw(SyntaxError)
      .with.property('loc')
      .that.deep.includes({ line: 3, column: 0 });
  });

  it('does not parse a module without a directive', () => {
    const result = transformModule('export const broken = (;\n', optionsFor('browser'));
    expect(result).to.deep.equal({ code: null, keepsSourceMap: true, problems: [] });
  });

  it('derives IDs from the relative path and salt, not from the absolute path', () => {
    const here = transformModule(actions, optionsFor('server'));
    const elsewhere = transformModule(actions, { ...optionsFor('server'), resourcePath: '/other/src/actions.js' });
    const salted = transformModule(actions, optionsFor('server', 'src/actions.js', 'salt'));
    const moved = transformModule(actions, optionsFor('server', 'src/moved.js'));
    expect(elsewhere.serverFunctions).to.deep.equal(here.serverFunctions);
    expect(salted.serverFunctions![0].id).not.to.equal(here.serverFunctions![0].id);
    expect(moved.serverFunctions![0].id).not.to.equal(here.serverFunctions![0].id);
    expect(here.serverFunctions![0].id).to.match(/^[0-9a-f]{40}$/);
  });

  it('transforms a module that starts with a byte order mark', () => {
    const result = transformModule(`\uFEFF${actions}`, optionsFor('browser'));
    expect(result.directive).to.equal('use server');
    expect(result.code).to.include('createServerReference');
  });
});

describe('inline server function IDs', () => {
  const page = (component = 'NotePage', before = '', inside = '') => `import { db } from "./db";
${before}
export function ${component}({ id }) {
  ${inside}
  async function saveNote(title) {
    "use server";
    await db.save(id, title);
  }
  return saveNote;
}

export function Sidebar() {
  const label = "Notes";
  return label;
}
`;
  const idsOf = (source: string, options = optionsFor('server', 'src/page.jsx')) => {
    const result = transformModule(source, options);
    expect(result.problems).to.deep.equal([]);
    return Object.fromEntries(result.inlineServerFunctions!.map((r) => [r.name, r.id]));
  };
  const saveNoteId = (source: string, options?: TransformOptions) => idsOf(source, options).saveNote;

  it('stay the same when code is added or edited elsewhere in the file', () => {
    const id = saveNoteId(page());
    expect(id).to.match(/^[0-9a-f]{40}$/);
    expect(saveNoteId(page('NotePage', 'const LIMIT = 10;\nconsole.log(LIMIT);\n'))).to.equal(id);
    expect(saveNoteId(page('NotePage', 'function unrelated() {\n  return 1;\n}\n'))).to.equal(id);
    expect(saveNoteId(page('NotePage', '', 'const extra = id * 2;\n  console.log(extra);'))).to.equal(id);
    expect(saveNoteId(page().replace('const label = "Notes";', 'const label = "All notes";\n  console.log(label);'))).to.equal(id);
    const otherInline = 'export function Other() {\n  async function archive() {\n    "use server";\n  }\n  return archive;\n}\n';
    expect(saveNoteId(page('NotePage', otherInline))).to.equal(id);
  });

  it('change when the enclosing component is renamed', () => {
    expect(saveNoteId(page('EditNotePage'))).not.to.equal(saveNoteId(page()));
  });

  it('differ for two functions with the same scope path', () => {
    const source = `export function List() {
  return [
    register(async () => {
      "use server";
    }),
    register(async () => {
      "use server";
    }),
  ];
}
`;
    const records = transformModule(source, optionsFor('server', 'src/list.js')).inlineServerFunctions!;
    expect(records.map((r) => r.name)).to.deep.equal(['(anonymous)', '(anonymous)']);
    expect(records[0].id).not.to.equal(records[1].id);
    expect(records[0].exportName).not.to.equal(records[1].exportName);
  });

  it('depend on the salt and the relative path, not on the absolute path', () => {
    const id = saveNoteId(page());
    const options = optionsFor('server', 'src/page.jsx');
    expect(saveNoteId(page(), { ...options, resourcePath: '/elsewhere/src/page.jsx' })).to.equal(id);
    expect(saveNoteId(page(), optionsFor('server', 'src/page.jsx', 'salt'))).not.to.equal(id);
    expect(saveNoteId(page(), optionsFor('server', 'src/other-page.jsx'))).not.to.equal(id);
  });
});

describe('inline server function source maps', () => {
  const original = `import { db } from "./db";

export default function EmptyNote({ id }) {
  async function createNoteAction(formData) {
    "use server";

    await db.notes.create(id, formData.get("title"));
  }

  return <form action={createNoteAction}><button>Create</button></form>;
}
`;
  const ORIGINAL_LINE = 7;
  // What babel-loader would hand over: JSX compiled, with a map back to the original file.
  const compiled = transformSync(original, {
    filename: '/app/src/empty-note.jsx',
    configFile: false,
    babelrc: false,
    presets: [[require.resolve('@babel/preset-react'), { runtime: 'automatic' }]],
    sourceMaps: true,
  })!;

  function positionOf(code: string, text: string): { line: number; column: number } {
    const lines = code.split('\n');
    const index = lines.findIndex((line) => line.includes(text));
    expect(index, text).to.be.at.least(0);
    return { line: index + 1, column: lines[index].indexOf(text) };
  }

  it('map the hoisted body back to its line in the original file, through the input map', () => {
    const compiledLine = positionOf(compiled.code!, 'await db.notes.create').line;
    expect(compiledLine, 'the compiled code moved the line').not.to.equal(ORIGINAL_LINE);
    const options = { ...optionsFor('server', 'src/empty-note.jsx'), resourcePath: '/app/src/empty-note.jsx' };
    const result = transformModule(compiled.code!, { ...options, sourceMaps: true, inputSourceMap: compiled.map });
    const generated = positionOf(result.code!, 'await db.notes.create');
    expect(generated.line, 'the function was hoisted').to.be.below(positionOf(result.code!, 'function EmptyNote').line);
    const map = new TraceMap(result.map as ConstructorParameters<typeof TraceMap>[0]);
    const position = originalPositionFor(map, generated);
    expect(position.source).to.match(/empty-note\.jsx$/);
    expect(position.line).to.equal(ORIGINAL_LINE);
    expect(position.column).to.equal(positionOf(original, 'await db.notes.create').column);
  });

  it('map to the code as it came in when there is no input map, and make none unless asked', () => {
    const options = optionsFor('server', 'src/empty-note.jsx');
    const result = transformModule(compiled.code!, { ...options, sourceMaps: true });
    const map = new TraceMap(result.map as ConstructorParameters<typeof TraceMap>[0]);
    const position = originalPositionFor(map, positionOf(result.code!, 'await db.notes.create'));
    expect(position.line).to.equal(positionOf(compiled.code!, 'await db.notes.create').line);
    expect(transformModule(compiled.code!, options).map).to.equal(null);
  });
});

describe('inline server functions run as they read', () => {
  let runner: TransformedModuleRunner;
  before(() => {
    runner = new TransformedModuleRunner();
  });
  after(() => runner.dispose());
  const load = (source: string) => runner.load(source, optionsFor('server', 'src/run.js'));

  it('see the captured variables as a closure would, at the end of the render', async () => {
    const { Editor } = await load(`export function Editor({ id }) {
  let note = "draft";
  async function read(suffix) {
    "use server";
    return [id, note, suffix];
  }
  note = "final";
  const refs = [];
  for (let i = 0; i < 2; i++) refs.push(async () => { "use server"; return i; });
  for (var j = 0; j < 2; j++) refs.push(async () => { "use server"; return j; });
  return { read, refs, early };
  async function early() {
    "use server";
    return id;
  }
}
`);
    const { read, refs, early } = Editor({ id: 7 });
    expect(await read('!')).to.deep.equal([7, 'final', '!']);
    expect(await Promise.all(refs.map((ref: () => Promise<number>) => ref()))).to.deep.equal([0, 1, 2, 2]);
    expect(await early()).to.equal(7);
  });

  it('keep parameters, defaults, rest parameters, recursion, nesting and methods working', async () => {
    const { Tools, retry } = await load(`export async function retry(n) {
  "use server";
  return n > 0 ? retry(n - 1) : "done";
}
export function Tools({ id, fallback }) {
  async function withDefault(x = fallback, { y } = { y: id }) { "use server"; return [x, y]; }
  async function countDown(n) { "use server"; return n > 0 ? countDown(n - 1) : id; }
  async function outer(a) {
    "use server";
    return async (b) => { "use server"; return [id, a, b]; };
  }
  async function rest(first, ...others) { "use server"; return [id, first, others]; }
  class Store { static async save(x) { "use server"; return [id, x]; } }
  const object = { async method({ name }, [first]) { "use server"; return [id, name, first]; } };
  return { withDefault, countDown, outer, rest, save: Store.save, method: object.method };
}
`);
    const tools = Tools({ id: 7, fallback: 'fallback' });
    expect(await retry(3)).to.equal('done');
    expect(await tools.withDefault()).to.deep.equal(['fallback', 7]);
    expect(await tools.withDefault(1, { y: 2 })).to.deep.equal([1, 2]);
    expect(await tools.countDown(3)).to.equal(7);
    expect(await (await tools.outer(1))(2)).to.deep.equal([7, 1, 2]);
    expect(await tools.rest(1, 2, 3)).to.deep.equal([7, 1, [2, 3]]);
    expect(await tools.save(5)).to.deep.equal([7, 5]);
    expect(await tools.method({ name: 'n' }, ['f'])).to.deep.equal([7, 'n', 'f']);
  });

  it('give each call its own copy of the captured values, as a call from the browser gets', async () => {
    const { Poll } = await load(`export function Poll() {
  let votes = 0;
  async function vote() {
    "use server";
    votes += 1;
    return votes;
  }
  return { vote, votes: () => votes };
}
`);
    const poll = Poll();
    expect([await poll.vote(), await poll.vote(), poll.votes()]).to.deep.equal([1, 1, 0]);
  });
});
