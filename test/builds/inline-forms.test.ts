/**
 * Forms with inline "use server" functions, before hydration: the SSR'd HTML carries the bound function
 * and its sealed values as hidden fields, React's decodeAction and decodeFormState run the posted form,
 * and over real HTTP a form or call whose sealed values were tampered with is answered 400 before the
 * function's body runs.
 */
import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { readJson, requireBundle } from '../helpers/build';
import { decodeInBrowser, recordCall, renderFlight, type RecordedCall, type ServerBundle } from '../helpers/flight';
import { hiddenFields, postCall, postForm } from '../helpers/http';
import { buildInlineApp, flipBit, NOTE, removeCall, withVersion } from '../helpers/inline-app';

describe('inline "use server" functions', () => {
  let dir: string;
  let server: ServerBundle;
  let payload: Uint8Array;
  let idOf: (fn: string) => string;

  before(async () => {
    ({ dir, server, payload, idOf } = await buildInlineApp());
  });
  beforeEach(() => server.log.splice(0));

  describe('forms, before hydration', () => {
    let clientManifest: object;
    let ssrManifest: object;
    let ssr: any;
    let html: string;

    before(async () => {
      clientManifest = readJson(dir, 'browser', 'react-client-manifest.json');
      ssrManifest = readJson(dir, 'ssr', 'react-ssr-manifest.json');
      ssr = requireBundle(dir, 'ssr');
      html = await renderPage();
    });

    async function renderPage(formState: unknown = null): Promise<string> {
      const page = await renderFlight(server, server.createElement(server.NotePage, { note: NOTE }), clientManifest);
      expect(page.errors).to.deep.equal([]);
      return ssr.renderHtml(Readable.from([Buffer.from(page.payload)]), ssrManifest, formState);
    }

    function formData(fields: Array<[string, string]>): FormData {
      const form = new FormData();
      for (const [name, value] of fields) form.append(name, value);
      return form;
    }

    it('renders a bound inline function as $ACTION_REF_ fields', () => {
      const names = hiddenFields(html, 'remove-form').map(([name]) => name);
      expect(names.filter((name) => /^\$ACTION_REF_\d+$/.test(name))).to.have.lengthOf(1);
      expect(names.filter((name) => /^\$ACTION_\d+:\d+$/.test(name))).to.have.length.greaterThan(0);
      expect(names.some((name) => name.startsWith('$ACTION_ID_')), 'a bound action has no plain ID field').to.equal(false);
    });

    it('runs the posted form with its captured values through decodeAction', async () => {
      const action = await server.decodeAction(formData([...hiddenFields(html, 'remove-form'), ['reason', 'spam']]), server.runtime.getServerActionsManifest());
      expect(await action()).to.equal('removed n1: spam');
      expect(server.log).to.deep.equal([['remove', 'n1', 'spam']]);
    });

    it('gives useActionState its state through decodeFormState, and the page renders it', async () => {
      const fields = hiddenFields(html, 'rename-form');
      expect(fields.map(([name]) => name)).to.include('$ACTION_KEY');
      const form = formData([...fields, ['title', 'Renamed']]);
      const manifest = server.runtime.getServerActionsManifest();
      const result = await (await server.decodeAction(form, manifest))();
      expect(result).to.equal('n1: First note -> Renamed');
      const formState = await server.decodeFormState(result, form, manifest);
      expect(formState).to.have.length(4);
      expect(formState.slice(0, 3)).to.deep.equal([result, fields.find(([name]) => name === '$ACTION_KEY')![1], idOf('renameWithState')]);
      const rerendered = await renderPage(formState);
      expect(rerendered).to.include('<output>n1: First note -&gt; Renamed</output>');
      expect(html).to.include('<output>First note</output>');
    });

    describe('over HTTP, with handleServerActionRequest', () => {
      let http: Server;
      let url: string;

      before(async () => {
        http = createServer((request, response) => {
          server.runtime.handleServerActionRequest(request, response).then(
            (result: any) => {
              if (result.kind === 'call' || result.kind === 'refused') return;
              response.writeHead(result.kind === 'form' ? 200 : 404, { 'content-type': 'application/json' });
              response.end(JSON.stringify(result));
            },
            (error: unknown) => {
              response.writeHead(500);
              response.end(String(error));
            },
          );
        });
        await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
        url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
      });
      after(() => new Promise((resolve) => http.close(resolve)));

      /** The form's fields with its sealed values replaced. */
      function tampered(fields: Array<[string, string]>, change: (sealed: string) => string): Array<[string, string]> {
        let changed = 0;
        const result = fields.map(([name, value]): [string, string] => {
          const parsed = /^"[A-Za-z0-9_-]{40,}"$/.test(value) ? (JSON.parse(value) as string) : null;
          if (parsed === null) return [name, value];
          changed += 1;
          return [name, JSON.stringify(change(parsed))];
        });
        expect(changed, 'the sealed field').to.equal(1);
        return result;
      }

      it('runs an untouched form post', async () => {
        const response = await postForm(url, [...hiddenFields(html, 'remove-form'), ['reason', 'spam']]);
        expect(response.status).to.equal(200);
        expect(await response.json()).to.deep.include({ kind: 'form', returnValue: 'removed n1: spam' });
      });

      for (const [label, change] of [
        ['a flipped bit', (sealed: string) => flipBit(sealed, 20)],
        ['another version byte', (sealed: string) => withVersion(sealed, 2)],
        ['a truncated payload', (sealed: string) => sealed.slice(0, 30)],
      ] as const) {
        it(`answers 400 to a form whose sealed values have ${label}, without running the function`, async () => {
          const response = await postForm(url, [...tampered(hiddenFields(html, 'remove-form'), change), ['reason', 'spam']]);
          expect(response.status).to.equal(400);
          expect(response.headers.get('x-server-action-error')).to.equal('bad-request');
          expect(server.log).to.deep.equal([]);
        });
      }

      it('answers 400 to a form that names a capturing function by its plain ID, without values', async () => {
        const response = await postForm(url, [[`$ACTION_ID_${idOf('remove')}`, ''], ['reason', 'spam']]);
        expect(response.status).to.equal(400);
        expect(response.headers.get('x-server-action-error')).to.equal('bad-request');
        expect(server.log).to.deep.equal([]);
        // One that captures nothing has nothing to check.
        const ping = await postForm(url, [[`$ACTION_ID_${idOf('ping')}`, '']]);
        expect(ping.status).to.equal(200);
        expect(server.log.map((entry: unknown[]) => entry[0])).to.deep.equal(['ping']);
      });

      it('answers 400 to a call with a payload sealed for another function, without running it', async () => {
        const { id, sealed } = await removeCall(payload);
        const control = await postCall(url, id, [sealed, 'why']);
        expect(control.status).to.equal(200);
        server.log.splice(0);
        const inspect: RecordedCall = await (await decodeInBrowser<any>(payload, recordCall)).inspect();
        const response = await postCall(url, id, [await inspect.args[0], 'why']);
        expect(response.status).to.equal(400);
        expect(response.headers.get('x-server-action-error')).to.equal('bad-request');
        expect(server.log).to.deep.equal([]);
      });
    });
  });
});
