/**
 * Inline server functions, transformed and run (helpers/transform-module-runner.ts) where the golden
 * cases only show the code: methods whose names a class field or an object property would misread
 * (`constructor`, `__proto__`), and functions that read member paths of what they capture, with the
 * captured values copied as React sends them. The output parses, and behaves as the code reads. The
 * built app (inline-functions.test.ts) sends the values through React Flight.
 */
import { expect } from 'chai';
import type { TransformOptions } from '../../loader/transform';
import { TransformedModuleRunner } from '../helpers/transform-module-runner';

const options: TransformOptions = {
  resourcePath: '/checkout/src/run.js',
  relativePath: 'src/run.js',
  layer: 'server',
  salt: '',
  callServerModule: 'webpack-server-actions/client',
};

class Database {
  url = 'postgres://secret';
  async query(): Promise<string> {
    return this.url;
  }
}

const page = () => ({
  note: { id: 'n1', title: 'First note', tags: ['a', 'b'], owner: { id: 'u1', name: 'Ada' } },
  db: new Database(),
  onChange: () => 'changed',
  items: [{ label: 'zero' }, { label: 'one' }],
  'data-kind': 'note',
});

describe('inline server functions, transformed and run', () => {
  describe('member paths, through the browser (the values copied as React sends them)', () => {
    let runner: TransformedModuleRunner;
    before(() => {
      runner = new TransformedModuleRunner({ throughTheBrowser: true });
    });
    after(() => runner.dispose());
    const load = (source: string) => runner.load(source, options);

    it('bind only the paths they read: a function and a class instance next to them stay behind', async () => {
      const { Note } = await load(`export function Note(props) {
  const { items } = props;
  async function read(suffix) {
    "use server";
    return [props.note.id, props.note.title + suffix, props.note.owner.name, items[1].label, props["data-kind"]];
  }
  async function whole() {
    "use server";
    return Object.keys(props);
  }
  return { read, whole };
}
`);
      const actions = Note(page());
      expect(await actions.read('!')).to.deep.equal(['n1', 'First note!', 'Ada', 'one', 'note']);
      // A variable used whole still carries everything, and fails as it did.
      await expectCannotSend(actions.whole(), 'props');
    });

    it('name the path of a value that cannot be sent', async () => {
      const { Note } = await load(`export function Note(props) {
  async function run() {
    "use server";
    return [props.note.id, await props.db.query()];
  }
  async function notify() {
    "use server";
    return props.onChange;
  }
  return { run, notify };
}
`);
      const actions = Note(page());
      await expectCannotSend(actions.run(), 'props.db');
      await expectCannotSend(actions.notify(), 'props.onChange');
    });

    it('call a method on the object it belongs to, which is bound whole', async () => {
      const { Note } = await load(`export function Note(props) {
  async function format() {
    "use server";
    return [props.note.tags.join("+"), props.note.title.toUpperCase(), props.note.tags.at?.(-1), String.raw\`\${props.note.id}\`];
  }
  return format;
}
`);
      expect(await Note(page())()).to.deep.equal(['a+b', 'FIRST NOTE', 'b', 'n1']);
    });

    it('read a path that does not exist as undefined, where the render must not fail', async () => {
      const { Note } = await load(`export function Note(props) {
  async function remove(kind) {
    "use server";
    if (kind === "note") return props.note.id;
    return [props?.missing?.id, props.note?.id, typeof props.note, props.note && "id" in props.note];
  }
  return remove;
}
`);
      expect(await Note({ note: null })('other')).to.deep.equal([undefined, undefined, 'object', null]);
      // Where the closure itself would throw (`props.note` of null), the function reads undefined.
      expect(await Note(null)('other')).to.deep.equal([undefined, undefined, 'undefined', undefined]);
      expect(await Note(page())('note')).to.equal('n1');
      expect(await Note(page())('other')).to.deep.equal([undefined, 'n1', 'object', true]);
    });

    it('see their own writes, to their own copy, and read a parent and its child from one value', async () => {
      const { Editor } = await load(`export function Editor(props) {
  async function edit(title) {
    "use server";
    props.note.title = title;
    props.note.edits = (props.note.edits ?? 0) + 1;
    delete props.note.owner;
    return [props.note, props.items[0].label];
  }
  async function copy() {
    "use server";
    const note = props.note;
    return note === props.note && props.note.owner.id;
  }
  return { edit, copy };
}
`);
      const props = page();
      const editor = Editor(props);
      const [note, label] = await editor.edit('New');
      expect(note).to.deep.equal({ id: 'n1', title: 'New', tags: ['a', 'b'], edits: 1 });
      expect(label).to.equal('zero');
      expect(props.note.title, 'the caller\'s object').to.equal('First note');
      expect(await editor.copy()).to.equal('u1');
    });

    it('rebuild paths in nested functions and nested server functions', async () => {
      const { Survey } = await load(`export function Survey(props) {
  async function start(respondent) {
    "use server";
    const names = props.survey.questions.map((question) => \`\${props.survey.title}: \${question}\`);
    async function answer(value) {
      "use server";
      return [props.survey.id, respondent.name, value];
    }
    return { names, answer };
  }
  return start;
}
`);
      const start = Survey({ survey: { id: 's1', title: 'Mood', questions: ['how?', 'why?'] }, secret: () => 'x' });
      const { names, answer } = await start({ name: 'Ada', greet() {} });
      expect(names).to.deep.equal(['Mood: how?', 'Mood: why?']);
      expect(await answer(3)).to.deep.equal(['s1', 'Ada', 3]);
    });
  });

  describe('methods named constructor or __proto__', () => {
    let runner: TransformedModuleRunner;
    before(() => {
      runner = new TransformedModuleRunner();
    });
    after(() => runner.dispose());
    const load = (source: string) => runner.load(source, options);

    it('a static method named constructor stays a property of the class, and the class still constructs', async () => {
      const { Notes, Drafts, board } = await load(`export class Notes {
  static async constructor(title) {
    "use server";
    return "note " + title;
  }
}
export class Drafts {
  static async "constructor"(title) {
    "use server";
    return "draft " + title;
  }
}
export function board(boardId) {
  class Columns {
    static async constructor(name) {
      "use server";
      return [boardId, name];
    }
  }
  return Columns;
}
`);
      expect(Object.hasOwn(Notes, 'constructor')).to.equal(true);
      expect(await Notes.constructor('a')).to.equal('note a');
      expect(await Drafts.constructor('b')).to.equal('draft b');
      expect(new Notes()).to.be.an.instanceOf(Notes);
      const Columns = board('b1');
      expect(await Columns.constructor('todo')).to.deep.equal(['b1', 'todo']);
      expect(new Columns()).to.be.an.instanceOf(Columns);
    });

    it('an object method named __proto__ stays an own property and leaves the prototype alone', async () => {
      const { actions } = await load(`export function actions(listId) {
  return {
    async __proto__(item) {
      "use server";
      return ["plain", listId, item];
    },
    async other() {
      "use server";
      return "other";
    },
  };
}
export const quoted = {
  async "__proto__"() {
    "use server";
    return "quoted";
  },
};
`);
      const object = actions('l1');
      expect(Object.getPrototypeOf(object)).to.equal(Object.prototype);
      expect(Object.hasOwn(object, '__proto__')).to.equal(true);
      expect(await object.__proto__('x')).to.deep.equal(['plain', 'l1', 'x']);
      expect(await object.other()).to.equal('other');
    });
  });
});

async function expectCannotSend(call: Promise<unknown>, name: string): Promise<void> {
  let error: unknown;
  try {
    await call;
  } catch (caught) {
    error = caught;
  }
  expect(error).to.be.an.instanceOf(TypeError);
  expect((error as Error).message).to.equal(`cannot send ${name}`);
}
