/**
 * The exports of a "use server" file as code written for Next.js and @vitejs/plugin-rsc has them,
 * built for real (browser, SSR and server compilers) and called as the browser calls them: exports an
 * action wrapper makes, one function under several names (each its own action), a server function
 * that hands back an inline one; a wrapped export that turns out not to be a function stops the server
 * bundle with an error that names it; a build error is printed once.
 */
import { expect } from 'chai';
import { appConfigs, compile, compileOk, readJson, readOutput, requireBundle } from '../helpers/build';
import { createFixtureApp, removeFixtureApps, writeSource } from '../helpers/fixture-app';
import { callThrough, decodeInBrowser, renderFlight, sendCall, type ServerBundle } from '../helpers/flight';
import { appendSource } from '../helpers/built-app';

const SERVER_REFERENCE = Symbol.for('react.server.reference');

// An action wrapper as next-safe-action and its kind make them: a plain function around the action
// that checks its input first, with a property of its own.
const WITH_AUTH = `
export function withAuth(action) {
  const wrapped = (...args) => {
    if (args[0] === 'intruder') throw new Error('not allowed');
    return action({ name: 'ada' }, ...args);
  };
  wrapped.requiresLogin = true;
  return wrapped;
}
export const nothing = () => undefined;
`;

const ACTIONS = `'use server';
import { withAuth } from './with-auth';
import { calls } from './calls';

export const rename = withAuth(async (user, id, title) => {
  calls.push(['rename', user.name, id, title]);
  return title.toUpperCase();
});

async function createNote(title) {
  calls.push(['createNote', title]);
  return 'created ' + title;
}
export { createNote, createNote as addNote };

export const deleteNote = async (id) => {
  calls.push(['deleteNote', id]);
  return 'deleted ' + id;
};
export default deleteNote;
export const removeNote = deleteNote;

export const startEdit = withAuth(async (user, noteId) => {
  const note = { id: noteId, owner: user.name };
  return async function saveEdit(text) {
    'use server';
    calls.push(['saveEdit', note.id, note.owner, text]);
    return note.id + ':' + text;
  };
});
`;

const CLIENT_COMPONENT = `'use client';
import { createElement } from 'react';
import { rename, addNote, createNote } from './wrapped-actions';
import removeDefault from './wrapped-actions';

export default function Editor() {
  return createElement('button', { onClick: () => Promise.all([rename('n1', 'x'), addNote('a'), createNote('b'), removeDefault('c')]) }, 'go');
}
`;

interface Built {
  server: ServerBundle & { actions: Record<string, any>; calls: unknown[][] };
  manifest: Record<string, { name: string; file: string }>;
  idOf(name: string): string;
}

async function buildApp(): Promise<Built> {
  const dir = createFixtureApp('app');
  writeSource(dir, 'src/with-auth.js', WITH_AUTH);
  writeSource(dir, 'src/wrapped-actions.js', ACTIONS);
  writeSource(dir, 'src/Editor.js', CLIENT_COMPONENT);
  writeSource(dir, 'src/EditorPage.js', `import { createElement } from 'react';\nimport Editor from './Editor';\nexport default function EditorPage() {\n  return createElement(Editor);\n}\n`);
  appendSource(
    dir,
    'src/server.js',
    `export * as actions from './wrapped-actions';\nexport { default as EditorPage } from './EditorPage';\nexport { renderToReadableStream } from 'react-server-dom-webpack/server';\n`,
  );
  await compileOk(appConfigs(dir));
  const server = requireBundle(dir, 'server');
  const manifest = readJson(dir, 'server', 'server-actions-manifest.json');
  const browser = readOutput(dir, 'browser', 'browser.js');
  const idOf = (name: string) => {
    const ids = Object.keys(manifest).filter((id) => manifest[id].file === 'src/wrapped-actions.js' && manifest[id].name === name);
    expect(ids, name).to.have.length(1);
    return ids[0];
  };
  // The browser's proxies are made for the names its client component imports, each with its ID.
  for (const name of ['rename', 'addNote', 'createNote', 'default']) expect(browser, name).to.include(idOf(name));
  return { server, manifest, idOf };
}

describe('"use server" exports as Next.js and @vitejs/plugin-rsc code writes them', () => {
  let built: Built;
  before(async () => {
    built = await buildApp();
  });
  after(removeFixtureApps);
  beforeEach(() => built.server.calls.splice(0));

  it('gives every export name an action ID of its own in the manifest', () => {
    const names = Object.values(built.manifest)
      .filter((entry) => entry.file === 'src/wrapped-actions.js')
      .map((entry) => entry.name)
      .sort();
    expect(names.filter((name) => !name.startsWith('$$'))).to.deep.equal(
      ['addNote', 'createNote', 'default', 'deleteNote', 'removeNote', 'rename', 'startEdit'].sort(),
    );
    const ids = ['addNote', 'createNote', 'default', 'deleteNote', 'removeNote'].map(built.idOf);
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it('calls a wrapped export from the client: the wrapper runs, then the action', async () => {
    expect(await sendCall(built.server, built.idOf('rename'), ['n1', 'first'])).to.equal('FIRST');
    expect(built.server.calls).to.deep.equal([['rename', 'ada', 'n1', 'first']]);
    let refused: unknown;
    await sendCall(built.server, built.idOf('rename'), ['intruder', 'x']).catch((error: unknown) => (refused = error));
    expect(refused).to.be.an('error').with.property('message', 'not allowed');
    expect(built.server.calls).to.have.length(1);
  });

  it('keeps the function a wrapper returned, registered under its export', async () => {
    const rename = built.server.actions.rename;
    expect(rename.$$typeof).to.equal(SERVER_REFERENCE);
    expect(rename.$$id).to.equal(built.idOf('rename'));
    expect(rename.requiresLogin).to.equal(true);
    expect(await built.server.runtime.loadServerAction(built.idOf('rename'))).to.equal(rename);
  });

  for (const [name, args, answer] of [
    ['createNote', ['one'], 'created one'],
    ['addNote', ['two'], 'created two'],
    ['deleteNote', ['n3'], 'deleted n3'],
    ['default', ['n4'], 'deleted n4'],
    ['removeNote', ['n5'], 'deleted n5'],
  ] as const) {
    it(`calls \`${name}\`, one of several names of a function, from the client under its own ID`, async () => {
      const action = await built.server.runtime.loadServerAction(built.idOf(name));
      expect(action.$$id).to.equal(built.idOf(name));
      expect(await sendCall(built.server, built.idOf(name), [...args])).to.equal(answer);
      expect(built.server.calls).to.have.length(1);
    });
  }

  it('sends each name of one function to the browser under its own ID', async () => {
    const { actions } = built.server;
    const { payload } = await renderFlight(built.server, { a: actions.createNote, b: actions.addNote });
    const decoded = await decodeInBrowser<Record<string, unknown>>(payload, async (id) => id);
    expect(await (decoded.a as () => Promise<string>)()).to.equal(built.idOf('createNote'));
    expect(await (decoded.b as () => Promise<string>)()).to.equal(built.idOf('addNote'));
  });

  it('hoists an inline server function that a server function hands back, bound to what it captured', async () => {
    const saveEdit = await sendCall(built.server, built.idOf('startEdit'), ['n7']);
    expect((saveEdit as { $$typeof?: symbol }).$$typeof).to.equal(SERVER_REFERENCE);
    // Through the browser and back, as the answer of the first call would go.
    const { payload, errors } = await renderFlight(built.server, { saveEdit });
    expect(errors).to.deep.equal([]);
    const decoded = await decodeInBrowser<{ saveEdit(text: string): Promise<string> }>(payload, callThrough(built.server));
    expect(await decoded.saveEdit('hello')).to.equal('n7:hello');
    expect(built.server.calls).to.deep.equal([['saveEdit', 'n7', 'ada', 'hello']]);
  });
});

describe('a wrapped "use server" export that is not a function', () => {
  after(removeFixtureApps);

  it('stops the server bundle when the module is evaluated, naming the file and the export', async () => {
    const dir = createFixtureApp('app');
    writeSource(dir, 'src/with-auth.js', WITH_AUTH);
    writeSource(dir, 'src/broken-actions.js', `'use server';\nimport { nothing } from './with-auth';\nexport const save = nothing(async () => {});\n`);
    appendSource(dir, 'src/server.js', `export * as broken from './broken-actions';\n`);
    await compileOk(appConfigs(dir, { compilers: ['server'] }));
    let thrown: unknown;
    try {
      requireBundle(dir, 'server');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.an.instanceOf(TypeError);
    expect(thrown).to.include({ name: 'ServerExportNotAFunctionError', code: 'ERR_SERVER_ACTION_EXPORT_NOT_A_FUNCTION', exportName: 'save' });
    expect((thrown as Error).message).to.equal(
      'src/broken-actions.js: the export `save` of this "use server" file is undefined, not a function. ' +
        'Every export of a "use server" file must be a server function: an async function, or the function an action wrapper returns.',
    );
  });
});

describe('a build error in a "use server" file', () => {
  after(removeFixtureApps);

  it('is printed once per compiler, with its code frame', async () => {
    const dir = createFixtureApp('app');
    writeSource(dir, 'src/actions.js', `'use server';\nexport function add(a, b) {\n  return a + b;\n}\n`);
    const stats = await compile(appConfigs(dir, { compilers: ['server', 'browser'] }));
    const printed = stats.toString({ colors: false });
    const frames = printed.split('\n').filter((line) => /^\s*> 2 \| export function add/.test(line));
    const messages = printed.split('\n').filter((line) => line.includes('src/actions.js:2:1: Every export of a "use server" file'));
    expect(messages, printed).to.have.length(2);
    expect(frames, printed).to.have.length(2);
  });
});
