/**
 * For the suites of the request helper's refusals (request-origin, request-limits, request-api): the
 * assertion every refusal shares, and requests sent with node:http where fetch cannot say what the
 * test means (a body streamed in chunks or trickling in, a Content-Length with no body behind it, a
 * connection the server may close).
 */
import { expect } from 'chai';
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { lastOf, type ActionServer, type RequestApp } from './request-app';

/** What the assertions read of an answer, from fetch or from node:http. */
export interface Answer {
  status: number;
  header(name: string): string | null;
  /** The answer's text, when the client read it. */
  body?: string;
}

export function fetched(response: Response, body?: string): Answer {
  return { status: response.status, header: (name) => response.headers.get(name), body };
}

/**
 * Sends a request that must be refused, and checks that it was: the status, the
 * `x-server-action-error` code, a short answer, the helper's `refused` result, and a counter that did
 * not move (the fixture's `increment` and `awaitAll` did not run).
 */
export async function expectRefused(
  app: RequestApp,
  server: ActionServer,
  send: () => Promise<Response | Answer>,
  status: number,
  code: string,
): Promise<Answer> {
  const before = app.server.counter.value;
  const sent = await send();
  const answer = sent instanceof Response ? fetched(sent, await sent.text()) : sent;
  expect(answer.status, 'status').to.equal(status);
  expect(answer.header('x-server-action-error'), 'x-server-action-error').to.equal(code);
  // A refusal says what was refused in a sentence of its own: it quotes nothing a request can make long.
  if (answer.body !== undefined) expect(answer.body.length, 'the refusal is short').to.be.below(300);
  expect(lastOf(server)).to.deep.equal({ kind: 'refused', status, code });
  expect(app.server.counter.value, 'the function did not run').to.equal(before);
  return answer;
}

export interface StreamedRequest {
  method?: string;
  /** Relative to the server's root URL. Default `/`. */
  path?: string;
  headers?: Record<string, string | number>;
  /**
   * Written in order: bytes, or a number of milliseconds to wait first. Without a Content-Length in
   * `headers`, node:http sends it chunked.
   */
  body?: Array<string | Buffer | number>;
  /**
   * Leave the body unfinished: `drop` the request once the answer is in, or `keep` the connection as
   * it is, for the server to close (on an agent of the test's own: it cannot carry another request).
   */
  unfinished?: 'drop' | 'keep';
}

export interface StreamedAnswer extends Answer {
  headers: IncomingHttpHeaders;
  body: string;
  /** Milliseconds from the request to the end of the answer. */
  elapsed: number;
  /** Settles when the connection closes (on a keep-alive agent, only the server closes it). */
  closed: Promise<void>;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with 'closed' once `answer`'s connection has closed, or 'open' after `ms`. */
export function connectionAfter(answer: StreamedAnswer, ms: number): Promise<'closed' | 'open'> {
  return Promise.race([answer.closed.then(() => 'closed' as const), wait(ms).then(() => 'open' as const)]);
}

/**
 * Sends a request with node:http on `agent` (keep-alive, so that a closed connection is the server's
 * doing) and resolves with the answer once it is complete, even while the body is still going out.
 * The body goes on after an early answer, as a browser's does, until the connection closes: a server
 * that answered may reset it, which is not an error here.
 */
export function sendStreamed(agent: Agent, url: string, request: StreamedRequest): Promise<StreamedAnswer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let answered = false;
    let closed!: Promise<void>;
    const outgoing = httpRequest(new URL(request.path ?? '/', url), { method: request.method ?? 'POST', headers: request.headers, agent });
    outgoing.on('socket', (socket) => {
      closed = new Promise((settle) => socket.once('close', () => settle()));
    });
    outgoing.on('error', (error) => answered || reject(error));
    outgoing.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (text: string) => (body += text));
      response.on('end', () => {
        answered = true;
        if (request.unfinished === 'drop') outgoing.destroy();
        resolve({
          status: response.statusCode ?? 0,
          header: (name) => {
            const value = response.headers[name.toLowerCase()];
            return value === undefined ? null : String(value);
          },
          headers: response.headers,
          body,
          elapsed: Date.now() - started,
          closed,
        });
      });
    });
    void (async () => {
      outgoing.flushHeaders();
      for (const piece of request.body ?? []) {
        if (outgoing.destroyed) return;
        if (typeof piece === 'number') await wait(piece);
        else outgoing.write(piece);
      }
      if (!request.unfinished && !outgoing.destroyed) outgoing.end();
    })();
  });
}
