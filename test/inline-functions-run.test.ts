/**
 * Inline server functions, transformed and run (helpers/transform-module-runner.ts) where the golden
 * cases only show the code: methods whose names a class field or an object property would misread
 * (`constructor`, `__proto__`). The output parses, and behaves as the code reads.
 */
import { expect } from 'chai';
import type { TransformOptions } from '../loader/transform';
import { TransformedModuleRunner } from './helpers/transform-module-runner';

const options: TransformOptions = {
  resourcePath: '/checkout/src/run.js',
  relativePath: 'src/run.js',
  layer: 'server',
  salt: '',
  callServerModule: 'webpack-server-actions/client',
};

describe('inline server functions, transformed and run', () => {
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
