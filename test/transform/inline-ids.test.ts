/**
 * The IDs of inline server functions: stable across edits of the function's body and of the rest of
 * the file, and new when what the function captures changes. The captured values travel sealed as a
 * list, in order; a page rendered before such an edit would otherwise call the new function with its
 * old values in the wrong places. With a new ID, that call is a `not-found`, and the page reloads.
 */
import { expect } from 'chai';
import { transformModule, type TransformOptions } from '../../loader/transform';

const options: TransformOptions = {
  resourcePath: '/checkout/src/NoteList.js',
  relativePath: 'src/NoteList.js',
  layer: 'server',
  salt: '',
  callServerModule: 'webpack-server-actions/client',
};

/** A server component whose inline `remove` captures `reads` and runs `body`. */
function component(reads: string, body = 'await db.remove(id);', before = ''): string {
  return `${before}
export default function NoteList({ note, user }) {
  async function remove() {
    'use server';
    const id = ${reads};
    ${body}
  }
  return <button formAction={remove}>Delete</button>;
}
`;
}

function idOf(source: string): string {
  const result = transformModule(source, options);
  expect(result.problems).to.deep.equal([]);
  expect(result.inlineServerFunctions).to.have.length(1);
  return result.inlineServerFunctions![0].id;
}

describe('inline server function IDs', () => {
  it('keep their ID when the body changes but what they capture does not', () => {
    expect(idOf(component('note.id', 'await db.remove(id); log(id);'))).to.equal(idOf(component('note.id')));
  });

  it('keep their ID when the file changes elsewhere', () => {
    expect(idOf(component('note.id', undefined, 'const unrelated = 1;\n'))).to.equal(idOf(component('note.id')));
  });

  it('get a new ID when they capture something else, or more, or in another order', () => {
    const base = idOf(component('note.id'));
    expect(idOf(component('note.title'))).to.not.equal(base);
    expect(idOf(component('[note.id, user.name]'))).to.not.equal(base);
    // Paths of one variable are sealed in the order they first appear; variables in declaration order.
    expect(idOf(component('[note.title, note.id]'))).to.not.equal(idOf(component('[note.id, note.title]')));
    expect(idOf(component('[user.name, note.id]'))).to.equal(idOf(component('[note.id, user.name]')));
    expect(idOf(component('note'))).to.not.equal(base);
  });

  it('keep, for a function that captures nothing, the ID made from its scope path alone', () => {
    const source = `export default function Page() {
  async function ping() {
    'use server';
    return 'pong';
  }
  return <form action={ping} />;
}
`;
    const result = transformModule(source, options);
    const { inlineServerFunctionId } = require('../../shared/ids') as typeof import('../../shared/ids');
    expect(result.inlineServerFunctions![0].id).to.equal(inlineServerFunctionId('src/NoteList.js', 'Page > ping', ''));
  });
});
