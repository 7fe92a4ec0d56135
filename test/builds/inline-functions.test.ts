/**
 * Inline "use server" functions, built for real (browser, SSR and server compilers) and run: the values
 * they capture (of an object, only the member paths they read) travel through React Flight and the
 * browser and come back intact, and a call made on the server sees them too; the manifest reaches the hoisted functions and nothing else of their module, in
 * development and production builds; misplaced or misspelled directives are reported by the build.
 * What protects the captured values is in captured-values-*.test.ts, forms in inline-forms.test.ts.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { MultiStats, Stats } from 'webpack';
import { appConfigs, compile, errorsOf, loaderRule, readJson } from '../helpers/build';
import { createFixtureApp, removeFixtureApps, writeSource } from '../helpers/fixture-app';
import {
  browserFlightClient,
  callThrough,
  decodeInBrowser,
  recordCall,
  renderFlight,
  type RecordedCall,
  type ServerBundle,
} from '../helpers/flight';
import {
  buildInlineApp,
  buildInlineProductionApp,
  expectRejected,
  filesUnder,
  flipBit,
  removeCall,
  settle,
} from '../helpers/inline-app';

const SERVER_REFERENCE = Symbol.for('react.server.reference');

function warningsOf(stats: MultiStats | Stats): string[] {
  const compilations = 'stats' in stats ? stats.stats : [stats];
  return compilations.flatMap((child) => child.toJson({ all: false, warnings: true }).warnings ?? []).map((w) => w.message);
}

/** Where a function starts in the fixture's source (1-based line and column), found by its text. */
function positionOf(source: string, marker: string): { line: number; column: number } {
  const lines = source.split('\n');
  const line = lines.findIndex((text) => text.includes(marker));
  expect(line, marker).to.be.greaterThan(-1);
  return { line: line + 1, column: lines[line].indexOf(marker) + 1 };
}

describe('inline "use server" functions', () => {
  let dir: string;
  let server: ServerBundle;
  let payload: Uint8Array;
  let emitted: Record<string, any>;
  let idOf: (fn: string) => string;

  before(async () => {
    ({ dir, server, payload, emitted, idOf } = await buildInlineApp());
  });
  // Only the build-error tests make apps of their own; the shared build outlives this file.
  after(removeFixtureApps);
  beforeEach(() => server.log.splice(0));

  describe('through the browser and back', () => {
    let actions: Record<string, any>;

    before(async () => {
      actions = await decodeInBrowser(payload, callThrough(server));
    });

    it('gives the function every captured value intact, then the caller\'s arguments', async () => {
      const result: any = await actions.inspect('extra', 2);
      expect(result).to.deep.include({ id: 'n1', title: 'First note', count: 3 });
      expect(result.meta).to.deep.equal({ tags: ['a', 'b'], nested: { deep: true } });
      expect(result.list).to.deep.equal([1, 'two', { three: 3 }]);
      expect(result.when).to.be.an.instanceOf(Date);
      expect(result.when.toISOString()).to.equal('2024-05-06T07:08:09.000Z');
      expect(result.index).to.be.an.instanceOf(Map);
      expect([...result.index]).to.deep.equal([['k', 1], ['j', { v: 2 }]]);
      expect(result.big).to.equal(12345678901234567890n);
      expect(result).to.have.property('nothing', undefined);
      expect(result.hasNothing).to.equal(true);
      expect(result.rest).to.deep.equal(['extra', 2]);
      expect(server.log).to.deep.equal([['inspect', 'n1']]);
    });

    it('calls a captured inline server function and a captured imported one', async () => {
      expect(await actions.removeAndArchive('spam')).to.deep.equal(['removed n1: spam', 'archived n1']);
      expect(server.log).to.deep.equal([['removeAndArchive', 'n1'], ['remove', 'n1', 'spam'], ['archive', 'n1']]);
    });

    it('gives each reference made in a loop its own value of the loop variable', async () => {
      expect(await Promise.all(actions.picks.map((pick: any) => pick('!')))).to.deep.equal(['x!', 'y!', 'z!']);
      const calls: RecordedCall[] = await Promise.all(
        (await decodeInBrowser<any>(payload, recordCall)).picks.map((pick: any) => pick('!')),
      );
      expect(new Set(calls.map((call) => call.id)), 'one server function').to.have.property('size', 1);
    });

    it('works for a function declared after the code that uses it', async () => {
      expect(await actions.early('hello')).to.equal('hello First note');
    });

    it('lets a function call itself', async () => {
      expect(await actions.countdown(3)).to.deep.equal([3, 2, 1, 'First note']);
      expect(server.log.map((entry: unknown[]) => entry[1])).to.deep.equal([3, 2, 1, 0]);
    });

    it('evaluates default parameter values that read captured values', async () => {
      expect(await actions.rename('new')).to.equal('n1:new:First note');
      expect(await actions.rename('new', 'given')).to.equal('n1:new:given');
    });

    it('destructures parameters, with defaults that read captured values', async () => {
      expect(await actions.update({ field: 'title', value: 'x' })).to.deep.equal({
        id: 'n1', field: 'title', value: 'x', first: undefined, others: [], flag: 3,
      });
      expect(await actions.update({ field: 'f', value: 1 }, [7, 8, 9], { flag: 'on' })).to.deep.equal({
        id: 'n1', field: 'f', value: 1, first: 7, others: [8, 9], flag: 'on',
      });
    });

    it('calls a top-level inline server function, which captures nothing', async () => {
      expect(await actions.ping('p')).to.equal('pong p');
    });
  });

  describe('called on the server, without a trip', () => {
    it('sees the same values', async () => {
      const direct = server.makeActions({ id: 'n2', title: 'Second', count: 4 });
      const result: any = await direct.inspect('direct');
      expect(result).to.deep.include({ id: 'n2', title: 'Second', count: 4, rest: ['direct'] });
      expect(result.when.toISOString()).to.equal('2024-05-06T07:08:09.000Z');
      expect(result.big).to.equal(12345678901234567890n);
      expect(await direct.removeAndArchive('r')).to.deep.equal(['removed n2: r', 'archived n2']);
      expect(await Promise.all(direct.picks.map((pick: any) => pick('?')))).to.deep.equal(['x?', 'y?', 'z?']);
      expect(await direct.early('hi')).to.equal('hi Second');
      expect(await direct.countdown(1)).to.deep.equal([1, 'Second']);
      expect(await direct.rename('a')).to.equal('n2:a:Second');
      expect(await direct.update({ field: 'f', value: 0 })).to.deep.include({ id: 'n2', flag: 4 });
    });

    it('needs no serialisation: values React cannot send work', async () => {
      expect(await server.makeUnsendable('function')()).to.equal('sendable not data');
      expect(await server.makeUnsendable('store')()).to.equal('sendable store');
      expect(await server.makeUnsendable('client')()).to.equal('sendable function');
    });
  });

  describe('member paths: only what a function reads of an object is bound', () => {
    const note = { id: 'n7', title: 'Paths', tags: ['a', 'b'] };

    it('binds the fields it reads, so a database client, a function and a class instance next to them do not fail the render', async () => {
      const { payload: rendered, errors } = await renderFlight(server, server.makeMemberPathActions(note));
      expect(errors).to.deep.equal([]);
      const actions = await decodeInBrowser<any>(rendered, callThrough(server));
      expect(await actions.retitle('New')).to.equal('n7: Paths -> New (a+b)');
      expect(await actions.summarize()).to.deep.equal({ draft: undefined, first: 'first', kind: 'object', hasTitle: true });
      expect(server.log).to.deep.equal([['retitle', 'n7'], ['summarize']]);
    });

    it('names the member path React cannot send: a method call binds the object it is called on', async () => {
      const { errors } = await renderFlight(server, server.makeQueryAction(note));
      expect(errors).to.have.lengthOf(1);
      const [error] = errors as any[];
      expect(error).to.be.an.instanceOf(server.runtime.CapturedValueNotSerializableError);
      expect(error.message).to.include('Server function "runQuery" captures `props.db`');
      expect(server.log).to.deep.equal([]);
      // On the server, without a trip, nothing is serialised: the client is there.
      expect(await server.makeQueryAction(note)()).to.equal('select n7 on postgres://member-paths-secret');
    });
  });

  describe('the manifest', () => {
    const notes = {
      ping: 'async function ping(',
      inspect: 'async function inspect(',
      remove: 'async function remove(',
      removeAndArchive: 'async function removeAndArchive(',
      rename: 'async (name, suffix',
      update: 'async function ({ field',
      countdown: 'async function countdown(',
      pick: 'async function pick(',
      later: 'async function later(',
      renameWithState: 'async function renameWithState(',
    };
    const unsendable = {
      useHelper: 'async function useHelper(',
      useStore: 'async function useStore(',
      useForm: 'async function useForm(',
    };
    const memberPaths = {
      retitle: 'async function retitle(',
      summarize: 'async function summarize(',
      runQuery: 'async function runQuery(',
    };

    it('lists each inline function with its name, file, line and column', () => {
      const expected: Array<[string, string, number, number]> = [];
      for (const [file, markers] of [
        ['src/Notes.js', notes],
        ['src/Unsendable.js', unsendable],
        ['src/MemberPaths.js', memberPaths],
      ] as const) {
        const source = readFileSync(path.join(dir, file), 'utf8');
        for (const [fn, marker] of Object.entries(markers)) {
          const { line, column } = positionOf(source, marker);
          expected.push([fn, file, line, column]);
        }
      }
      const inline = Object.values(emitted).filter((entry) => 'function' in entry);
      expect(inline.map((entry) => [entry.function, entry.file, entry.line, entry.column])).to.have.deep.members(expected);
      for (const [id, entry] of Object.entries(emitted)) {
        if ('function' in entry) expect(entry.name, entry.function).to.equal(`$$${entry.function}_${id.slice(0, 8)}`);
      }
      expect(server.runtime.readServerActionsManifest()).to.deep.equal(emitted);
    });

    it('resolves each inline ID to the function registered under it', async () => {
      const ids = Object.keys(emitted).filter((id) => 'function' in emitted[id]);
      expect(ids).to.have.lengthOf(16);
      for (const id of ids) {
        const fn: any = await server.runtime.loadServerAction(id);
        expect(fn.$$typeof, emitted[id].function).to.equal(SERVER_REFERENCE);
        expect(fn.$$id).to.equal(id);
      }
      expect(await (await server.runtime.loadServerAction(idOf('ping')))('x')).to.equal('pong x');
    });

    it('points at a facade that exports the hoisted functions and nothing else of the module', async () => {
      // React's `#*` fallback on the raw manifest hands out the very module an entry points at.
      const raw = server.runtime.readServerActionsManifest();
      for (const [file, markers] of [
        ['src/Notes.js', notes],
        ['src/Unsendable.js', unsendable],
        ['src/MemberPaths.js', memberPaths],
      ] as const) {
        const id = idOf(Object.keys(markers)[0]);
        const body = await browserFlightClient().encodeReply([browserFlightClient().createServerReference(`${id}#*`, recordCall)]);
        const [moduleObject] = (await server.decodeReply(body, raw)) as [Record<string, any>];
        const hoisted = Object.values(emitted).filter((entry) => entry.file === file).map((entry) => entry.name);
        expect(Object.keys(moduleObject), file).to.have.members(hoisted);
        for (const name of hoisted) expect(moduleObject[name].$$typeof).to.equal(SERVER_REFERENCE);
      }
    });

    describe("React's `#` fallback, with the raw manifest", () => {
      const crafted = ['secretHelper', 'default', 'makeActions', 'ping', '*', '', '__esModule', 'constructor'];
      let raw: Record<string, unknown>;
      before(() => {
        raw = server.runtime.readServerActionsManifest();
      });

      it('is live: another hoisted function of the module answers `<inline id>#<its export>`', async () => {
        // Why the facade matters: the fallback reads any export of the module the entry points at.
        const body = await browserFlightClient().encodeReply([
          browserFlightClient().createServerReference(`${idOf('ping')}#${emitted[idOf('inspect')].name}`, recordCall),
        ]);
        const [reached] = (await server.decodeReply(body, raw)) as [any];
        expect(reached.$$id).to.equal(idOf('inspect'));
      });

      for (const name of crafted) {
        for (const fn of ['remove', 'ping']) {
          it(`reaches neither component nor helper through <${fn} id>#${JSON.stringify(name)}`, async () => {
            const id = `${idOf(fn)}#${name}`;
            const body = await browserFlightClient().encodeReply([browserFlightClient().createServerReference(id, recordCall)]);
            const decoded = await settle(async () => (await server.decodeReply(body, raw))[0]);
            const value = decoded.value as any;
            if (typeof value === 'function') expect(value.$$typeof).to.equal(SERVER_REFERENCE);
            else if (value && typeof value === 'object') {
              for (const key of Object.keys(value)) expect(value[key].$$typeof, key).to.equal(SERVER_REFERENCE);
            }

            const form = new FormData();
            form.append(`$ACTION_ID_${id}`, '');
            const action = await settle(() => server.decodeAction(form, raw));
            // decodeAction binds the form data to what it found: run it, to see what it reaches.
            if (typeof action.value === 'function') await settle(() => (action.value as () => Promise<unknown>)());

            expect((await settle(() => server.runtime.loadServerAction(id))).error).to.have.property(
              'code',
              'ERR_SERVER_ACTION_NOT_FOUND',
            );
            const ran = server.log.map((entry: unknown[]) => entry[0]);
            expect(ran.filter((what: unknown) => ['secretHelper', 'NotePage', 'makeActions'].includes(what as string))).to.deep.equal([]);
          });
        }
      }
    });
  });

  describe('in production mode', () => {
    it('round-trips and resolves every inline ID through the facade, with production module IDs', async () => {
      const { server: built, payload: builtPayload, emitted: manifest } = await buildInlineProductionApp();
      built.log.splice(0);
      const actions = await decodeInBrowser<any>(builtPayload, callThrough(built));
      expect(await actions.removeAndArchive('x')).to.deep.equal(['removed n1: x', 'archived n1']);
      expect(await actions.update({ field: 'f', value: 1 })).to.deep.include({ id: 'n1', flag: 3 });
      expect(await actions.countdown(1)).to.deep.equal([1, 'First note']);
      expect(Object.keys(manifest).sort()).to.deep.equal(Object.keys(emitted).sort());
      for (const id of Object.keys(manifest)) expect((await built.runtime.loadServerAction(id)).$$id).to.equal(id);
      built.log.splice(0);
      await expectRejected(built, idOf('remove'), [flipBit((await removeCall(builtPayload)).sealed, 20), 'why']);
    });
  });

  describe('build errors', () => {
    it('fails a browser or SSR build that defines an inline server function, with file:line:column and a code frame', async () => {
      const app = createFixtureApp('inline-app');
      const widget = [
        "import { createElement } from 'react';",
        'export function Widget() {',
        '  async function save() {',
        "    'use server';",
        "    return 'widget-server-secret';",
        '  }',
        "  return createElement('form', { action: save });",
        '}',
        '',
      ].join('\n');
      writeSource(app, 'src/Widget.js', widget);
      writeSource(app, 'src/browser.js', "export { Widget } from './Widget';\n");
      writeSource(app, 'src/ssr.js', "export { Widget } from './Widget';\n");
      const stats = await compile(appConfigs(app, { compilers: ['browser', 'ssr'] }));
      const errors = errorsOf(stats);
      for (const layer of ['browser', 'ssr']) {
        const error = errors.find((message) => message.includes(`compiled for the ${layer} layer`));
        expect(error, `${layer}: ${errors.join('\n')}`).to.be.a('string');
        expect(error).to.include('src/Widget.js:4:5: A "use server" function cannot be defined in a module compiled');
        expect(error).to.match(/> 4 \|\s+'use server';\n\s+\|\s+\^/);
        expect(error).not.to.match(/\n\s+at /);
      }
      for (const compiler of ['browser', 'ssr'] as const) {
        for (const file of filesUnder(path.join(app, 'dist', compiler))) {
          expect(readFileSync(file, 'utf8')).not.to.include('widget-server-secret');
        }
      }
    });

    it('with `directiveTypos: "warning"`, warns about a misspelled "use sever", and the build succeeds without a server function', async () => {
      const app = createFixtureApp('inline-app');
      writeSource(app, 'src/Typo.js', "export async function save() {\n  'use sever';\n  return 'saved';\n}\n");
      writeSource(app, 'src/server.js', "export { save } from './Typo';\nexport * as runtime from 'webpack-server-actions/runtime';\n");
      // By default it is a build error (test/diagnostics.test.ts).
      const rules = { server: [loaderRule('server', { directiveTypos: 'warning' })] };
      const stats = await compile(appConfigs(app, { compilers: ['server'], rules }));
      expect(errorsOf(stats)).to.deep.equal([]);
      const warnings = warningsOf(stats).filter((message) => message.includes('src/Typo.js'));
      expect(warnings).to.have.lengthOf(1);
      expect(warnings[0]).to.include('src/Typo.js:2:3: "use sever" is not a directive React knows');
      expect(warnings[0]).to.include('Did you mean "use server"?');
      expect(readJson(app, 'server', 'server-actions-manifest.json')).to.deep.equal({});
    });
  });
});
