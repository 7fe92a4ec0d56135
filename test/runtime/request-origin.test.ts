/**
 * The request helper's cross-site request forgery check, over real HTTP against the request-app
 * fixture: the `Origin` of a call or a form post must be the server's own (its `Host`, or with
 * `trustProxy` the first `X-Forwarded-Host`) or one that `allowedOrigins` names; without an Origin,
 * `Sec-Fetch-Site` must not say the request crossed sites. Every refusal is a 403 `forbidden` before
 * the body is read, that does not quote the Origin, and the function does not run. This is where every
 * refusal of the Origin check is proved (a repeated Origin header, which fetch would not send, over a
 * raw socket); the hostile suite sends the notes example none.
 */
import { expect } from 'chai';
import { Agent } from 'node:http';
import { headerOf, sendRaw } from '../helpers/hostile-http';
import { postCall, postForm } from '../helpers/http';
import { expectRefused, sendStreamed, type Answer } from '../helpers/refusals';
import { buildRequestApp, lastOf, startActionServer, type ActionServer, type RequestApp } from '../helpers/request-app';
import type { ActionRequest } from '../../runtime/server/action-request';
import { isAllowedOrigin } from '../../runtime/server/origin';

type Headers = Record<string, string>;

describe('handleServerActionRequest: the Origin check', () => {
  let app: RequestApp;
  let incrementId: string;

  before(async () => {
    app = await buildRequestApp();
    incrementId = app.server.actions.increment.$$id;
  });

  /** A call of increment(1) with these headers. */
  const call = (server: ActionServer, headers: Headers) => () => postCall(server.url, incrementId, [1], headers);

  /** Calls increment(1) with these headers and checks that it ran. */
  async function expectRuns(server: ActionServer, headers: Headers): Promise<void> {
    const before = app.server.counter.value;
    const response = await postCall(server.url, incrementId, [1], headers);
    await response.arrayBuffer();
    expect(response.status).to.equal(200);
    expect(lastOf(server)).to.include({ kind: 'call', status: 200 });
    expect(app.server.counter.value, 'the function ran').to.equal(before + 1);
  }

  /** Refused with 403, by an answer that does not quote the Origin it refused. */
  async function expectForbidden(
    server: ActionServer,
    headers: Headers,
    send: () => Promise<Response | Answer> = call(server, headers),
  ): Promise<Answer> {
    const answer = await expectRefused(app, server, send, 403, 'forbidden');
    if (headers.Origin && headers.Origin.length >= 8) expect(answer.body, 'the refusal quotes the Origin').not.to.include(headers.Origin);
    return answer;
  }

  /** Origins that are not the server's own (`self`, on `port`): [what it is, the Origin header]. */
  const crossOrigins = (self: string, port: number): Array<[string, string]> => [
    ['another host', `http://localhost:${port}`],
    ['another address', `http://127.0.0.2:${port}`],
    ['another port', `http://127.0.0.1:${port + 1}`],
    ['no port (the default)', 'http://127.0.0.1'],
    ['another scheme on the default port', 'https://127.0.0.1'],
    ['the host as a prefix of another', `${self}.evil.test`],
    ['the host as user info', `http://127.0.0.1:${port}@evil.test`],
  ];

  describe('without allowedOrigins', () => {
    let server: ActionServer;
    let self: string;

    before(async () => {
      server = await startActionServer(app);
      self = server.url.replace(/\/$/, '');
    });
    after(() => server.close());

    it('runs a call from its own origin, and one without an Origin', async () => {
      await expectRuns(server, { Origin: self });
      await expectRuns(server, {});
    });

    it('compares the host, not the scheme: its own host and port over https runs (behind a TLS proxy, it sees plain http)', async () => {
      await expectRuns(server, { Origin: self.replace('http:', 'https:') });
    });

    it('runs a call without an Origin whose Sec-Fetch-Site is same-origin or none', async () => {
      await expectRuns(server, { 'Sec-Fetch-Site': 'same-origin' });
      await expectRuns(server, { 'Sec-Fetch-Site': 'none' });
    });

    for (const site of ['cross-site', 'same-site']) {
      it(`refuses a call without an Origin whose Sec-Fetch-Site is ${site}`, async () => {
        await expectForbidden(server, { 'Sec-Fetch-Site': site });
      });
    }

    it('refuses another host, another port, another scheme on the default port, its host as a prefix or as user info', async () => {
      for (const [label, origin] of crossOrigins(self, Number(new URL(server.url).port))) {
        await expectForbidden(server, { Origin: origin }).catch((error: Error) => {
          throw new Error(`${label}: ${error.message}`);
        });
      }
    });

    it('refuses a repeated Origin header, its own origin first or last (sent over a raw socket: fetch joins them)', async () => {
      const { hostname, port } = new URL(server.url);
      for (const origins of [[self, 'http://evil.test'], ['http://evil.test', self]]) {
        const headers = origins.map((origin): [string, string] => ['Origin', origin]);
        const send = async (): Promise<Answer> => {
          const response = await sendRaw(
            { host: hostname, port: Number(port) },
            { headers: [['x-server-action', incrementId], ['Content-Type', 'text/plain;charset=UTF-8'], ...headers], body: '[1]' },
          );
          return { status: response.status, header: (name) => headerOf(response, name) ?? null, body: response.body };
        };
        await expectForbidden(server, { Origin: origins[0] }, send);
      }
    });

    it('refuses its own host from a page whose Sec-Fetch-Site says it is not same-origin (another scheme, as over plain http)', async () => {
      await expectRuns(server, { Origin: self, 'Sec-Fetch-Site': 'same-origin' });
      for (const site of ['same-site', 'cross-site']) await expectForbidden(server, { Origin: self, 'Sec-Fetch-Site': site });
    });

    it('refuses Origin: null, and origins that are not serialised as a browser does (a path, a trailing slash, upper case, garbage)', async () => {
      for (const origin of ['null', `${self}/`, `${self}/page`, self.toUpperCase(), 'garbage', '', 'file:///etc']) {
        await expectForbidden(server, { Origin: origin });
      }
    });

    it('refuses a form posted from each of those origins, and one without an Origin whose Sec-Fetch-Site is cross-site or same-site', async () => {
      const fields: Array<[string, string]> = [[`$ACTION_ID_${incrementId}`, ''], ['amount', '1']];
      const origins = crossOrigins(self, Number(new URL(server.url).port)).map(([, origin]): Headers => ({ Origin: origin }));
      for (const headers of [...origins, { Origin: 'null' }, { 'Sec-Fetch-Site': 'cross-site' }, { 'Sec-Fetch-Site': 'same-site' }]) {
        await expectForbidden(server, headers, () => postForm(server.url, fields, { headers }));
      }
      const response = await postForm(server.url, fields, { headers: { Origin: self } });
      expect(response.status, 'the control: from its own origin, the form runs').to.equal(200);
    });

    it('refuses before reading the body: 403 for calls and forms whose 2 MB body never comes', async () => {
      const agent = new Agent({ keepAlive: true });
      try {
        const kinds: Headers[] = [
          { 'x-server-action': incrementId, 'content-type': 'text/plain;charset=UTF-8' },
          { 'content-type': 'multipart/form-data; boundary=----x' },
          { 'content-type': 'application/x-www-form-urlencoded' },
        ];
        for (const headers of kinds) {
          const answer = await expectRefused(
            app,
            server,
            () =>
              sendStreamed(agent, server.url, {
                headers: { ...headers, Origin: 'https://evil.example', 'content-length': 2_000_000 },
                unfinished: 'drop',
              }),
            403,
            'forbidden',
          );
          expect(answer.header('content-type')).to.match(/^text\/plain/);
        }
      } finally {
        agent.destroy();
      }
    });

    it('compares Origin with Host, not with X-Forwarded-Host: an Origin that matches only X-Forwarded-Host is refused', async () => {
      await expectForbidden(server, { Origin: 'https://public.example', 'X-Forwarded-Host': 'public.example' });
    });
  });

  describe('trustProxy', () => {
    let server: ActionServer;

    before(async () => {
      server = await startActionServer(app, { trustProxy: true });
    });
    after(() => server.close());

    it('compares Origin with X-Forwarded-Host', async () => {
      await expectRuns(server, { Origin: 'https://public.example', 'X-Forwarded-Host': 'public.example' });
      await expectRuns(server, { Origin: 'https://public.example:8443', 'X-Forwarded-Host': 'public.example:8443' });
      await expectForbidden(server, { Origin: 'https://public.example', 'X-Forwarded-Host': 'public.example:8443' });
    });

    it('takes the first host of a list, the one the client sent to the first proxy', async () => {
      await expectRuns(server, { Origin: 'https://public.example', 'X-Forwarded-Host': 'public.example, internal.example' });
      await expectForbidden(server, { Origin: 'https://internal.example', 'X-Forwarded-Host': 'public.example, internal.example' });
    });

    it('then no longer compares with Host, and falls back to Host without X-Forwarded-Host', async () => {
      const self = server.url.replace(/\/$/, '');
      await expectForbidden(server, { Origin: self, 'X-Forwarded-Host': 'public.example' });
      await expectRuns(server, { Origin: self });
    });
  });

  describe('allowedOrigins', () => {
    /** A server allowing `allowed`, the calls from each of `runs` running and from each of `refused` refused. */
    async function check(allowed: string[], runs: string[], refused: string[]): Promise<void> {
      const server = await startActionServer(app, { allowedOrigins: allowed });
      try {
        for (const origin of runs) await expectRuns(server, { Origin: origin });
        for (const origin of refused) await expectForbidden(server, { Origin: origin });
        await expectRuns(server, { Origin: server.url.replace(/\/$/, '') });
      } finally {
        await server.close();
      }
    }

    it('a full origin allows that origin: its scheme, host and port', async () => {
      await check(
        ['https://app.example.com', 'http://other.example:8080/'],
        ['https://app.example.com', 'http://other.example:8080'],
        ['http://app.example.com', 'https://app.example.com:8443', 'https://www.app.example.com', 'https://other.example:8080', 'null'],
      );
    });

    it('a host allows it on any scheme with its default port; a host:port, on that port', async () => {
      await check(
        ['app.example.com', 'api.example.com:8443'],
        ['https://app.example.com', 'http://app.example.com', 'https://api.example.com:8443'],
        ['https://app.example.com:8443', 'https://api.example.com', 'https://evil-app.example.com', 'https://app.example.com.evil.test'],
      );
    });

    it('*.example.com allows any subdomain on the default port, not example.com, nor a host that only starts like one', async () => {
      await check(
        ['*.example.com'],
        ['https://a.example.com', 'https://a.b.example.com', 'http://a.example.com'],
        [
          'https://example.com',
          'https://a.example.com.evil.test',
          'https://evilexample.com',
          'https://a.example.com:8443',
          'https://a.example.co',
        ],
      );
    });

    it('*.example.com:8443 allows any subdomain on that port only', async () => {
      await check(['*.example.com:8443'], ['https://a.example.com:8443'], ['https://a.example.com', 'https://example.com:8443']);
    });

    it('is compared case-insensitively, as browsers send hosts in lower case', async () => {
      await check(['HTTPS://App.Example.com', 'API.example.com', '*.Example.ORG'], ['https://app.example.com', 'https://api.example.com', 'https://a.example.org'], []);
    });

    it('an entry that is neither an origin nor a host pattern fails the request with a TypeError that names it', async () => {
      const entries = ['https://app.example.com/path', 'ftp://app.example.com', '', 'https://*.example.com', 'app.example.com/x'];
      for (const [index, entry] of entries.entries()) {
        const server = await startActionServer(app, { allowedOrigins: [entry] });
        try {
          const before = app.server.counter.value;
          // At the first request, even one from the server's own origin: not only at the first cross-origin one.
          const origin = index % 2 === 0 ? 'https://app.example.com' : server.url.replace(/\/$/, '');
          const response = await postCall(server.url, incrementId, [1], { Origin: origin });
          expect(response.status).to.equal(500);
          const text = await response.text();
          expect(text).to.include('TypeError: handleServerActionRequest: allowedOrigins takes origins');
          expect(text).to.include(`${JSON.stringify(entry)} is neither`);
          expect(server.results, 'the helper rejected').to.deep.equal([]);
          expect(app.server.counter.value, 'the function did not run').to.equal(before);
        } finally {
          await server.close();
        }
      }
    });
  });
});

describe('isAllowedOrigin, host after host', () => {
  const request = (host: string, origin: string) =>
    ({ header: (name: string) => ({ host, origin })[name as 'host' | 'origin'], encrypted: false }) as unknown as ActionRequest<unknown>;
  // The reading of the last Host is kept for the next request: each answer must still be its own.
  const cases: Array<[string, string, boolean]> = [
    ['localhost:3000', 'http://localhost:3000', true],
    ['localhost:3000', 'http://localhost:3001', false],
    ['xn--bcher-kva.example', 'http://xn--bcher-kva.example', true],
    ['localhost:80', 'http://localhost:80', false],
    ['localhost:80', 'https://localhost:80', true],
    ['127.0.0.1:3000', 'http://127.0.0.1:3000', true],
    ['localhost:99999', 'http://localhost:99999', false],
    ['localhost:3000', 'http://localhost:3000', true],
    ['Localhost:3000', 'http://Localhost:3000', false],
  ];

  it('answers each request for its own Host and Origin, in any order', () => {
    for (const order of [cases, [...cases].reverse(), [...cases, ...cases]]) {
      for (const [host, origin, allowed] of order) {
        expect(isAllowedOrigin(request(host, origin), {}), `${origin} for Host ${host}`).to.equal(allowed);
      }
    }
  });
});
