/**
 * A request whose body something else has already read. Behind Express or Fastify, a body parser
 * mounted before the request helper (`express.json()`, `express.urlencoded()`, `express.text()`,
 * `express.raw()`, body-parser, Fastify's content-type parsers) reads the stream to its end: the helper
 * would then wait for data that never comes, or decode an empty body. It fails at once instead, with
 * an error that says what to change.
 */
import type { IncomingMessage } from 'node:http';

/**
 * The request's body was read before the request helper saw it: a body parser mounted before it
 * (Express, Fastify, Connect). A server misconfiguration, not a client's fault: it is thrown to the app
 * (whose error handler answers 500) at the first server-function request, never a silent empty body.
 */
export class ServerActionBodyConsumedError extends Error {
  readonly code = 'ERR_SERVER_ACTION_BODY_CONSUMED';
  constructor() {
    super(
      'webpack-server-actions: the request body was already read before handleServerActionRequest saw it. A body ' +
        'parser (express.json(), express.urlencoded(), express.text(), express.raw(), body-parser, a Fastify ' +
        'content-type parser) is mounted before the server-functions handler: mount the handler before the body ' +
        'parsers, or register the parsers only on the routes that need them. See docs/servers.md.',
    );
    this.name = 'ServerActionBodyConsumedError';
  }
}

/**
 * Throws `ServerActionBodyConsumedError` when the request's body stream has been read from. Only the
 * stream counts: `request.body` is no signal of its own (Express 4's body-parser sets it to `{}` on
 * every request, read or not, and a body it holds may be a copy the stream still has).
 */
export function assertBodyNotConsumed(request: IncomingMessage): void {
  // readableDidRead: a 'data' event or a read() happened; readableEnded: 'end' was emitted.
  // body-parser 1.x marks the requests it read with `_body`.
  if (request.readableDidRead || request.readableEnded || (request as { _body?: unknown })._body === true) {
    throw new ServerActionBodyConsumedError();
  }
}
