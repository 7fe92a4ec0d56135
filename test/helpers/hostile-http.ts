/**
 * HTTP/1.1 over a raw socket (node:net), for requests that fetch will not send: repeated headers, raw
 * bytes in the request line, a Content-Length that lies, bodies that trickle in or stop. Each request
 * goes on a connection of its own, kept alive as a browser's would be, and the answer is read as it
 * comes: an answer sent before the body was read (413, 408, a refusal) is seen even while the body is
 * still going; or, as a client that sends first and reads after does, only once all of it is sent. The
 * connection is closed once the answer is complete.
 */
import { connect } from 'node:net';

/** A body sent piece by piece: a piece is bytes to write, or a number of milliseconds to wait first. */
export type Trickle = Array<Buffer | string | number>;

export interface RawRequest {
  method?: string;
  /** The request target as sent, byte for byte (a string is sent as UTF-8). Default `/`. */
  path?: string | Buffer;
  /** In order, repeated names kept. Host is added unless given here. */
  headers?: Array<[string, string]>;
  body?: Buffer | string | Trickle;
  /** The whole request as pieces, sent as they are (nothing above is used): for a head that trickles. */
  raw?: Trickle;
  /**
   * The Content-Length to declare: by default the body's length when the body is bytes and no
   * Transfer-Encoding is given; `null` declares none.
   */
  contentLength?: number | null;
  /**
   * Read nothing until the whole request is written, each piece taken by the kernel before the next
   * (as many HTTP libraries do): a server that closes the connection while the body is still coming
   * makes such a client fail with EPIPE or a reset before it reads any answer.
   */
  readsAfterSending?: boolean;
}

export interface RawResponse {
  status: number;
  /** By lower-case name, every value received. */
  headers: Record<string, string[]>;
  body: string;
  /** Milliseconds from the first byte sent to the end of the answer. */
  elapsed: number;
  /** When the answer was complete (Date.now()): for the order of answers to requests sent together. */
  receivedAt: number;
}

export interface Target {
  host: string;
  port: number;
}

/** The only value of a header, or undefined; several values are joined as Node would show them. */
export function headerOf(response: RawResponse, name: string): string | undefined {
  return response.headers[name.toLowerCase()]?.join(', ');
}

function bytes(piece: Buffer | string): Buffer {
  return typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
}

/** The request's head (request line and headers) as bytes. */
export function requestHead(target: Target, request: RawRequest): Buffer {
  const headers = [...(request.headers ?? [])];
  const has = (name: string) => headers.some(([key]) => key.toLowerCase() === name);
  if (!has('host')) headers.unshift(['Host', `${target.host}:${target.port}`]);
  const body = request.body;
  const declared =
    request.contentLength !== undefined
      ? request.contentLength
      : body !== undefined && !Array.isArray(body) && !has('transfer-encoding')
        ? bytes(body).length
        : null;
  if (declared !== null) headers.push(['Content-Length', String(declared)]);
  const lines = headers.map(([name, value]) => Buffer.from(`${name}: ${value}\r\n`, 'utf8'));
  return Buffer.concat([
    Buffer.from(`${request.method ?? 'POST'} `, 'latin1'),
    bytes(request.path ?? '/'),
    Buffer.from(' HTTP/1.1\r\n', 'latin1'),
    ...lines,
    Buffer.from('\r\n', 'latin1'),
  ]);
}

/** Bytes cut in pieces of `size`, `delay` ms apart: as a slow network delivers them. */
export function inPieces(data: Buffer, size: number, delay: number): Trickle {
  return Array.from({ length: Math.ceil(data.length / size) }, (_, index) => [data.subarray(index * size, (index + 1) * size), delay]).flat();
}

/** One chunk of a chunked body. */
export function chunk(data: Buffer | string): Buffer {
  const payload = bytes(data);
  return Buffer.concat([Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from('\r\n')]);
}
export const LAST_CHUNK = '0\r\n\r\n';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads an HTTP/1.1 answer from the bytes received so far: undefined while incomplete. `closed` says the
 * server ended the connection, which ends a body that has neither a length nor chunks.
 */
function parseAnswer(received: Buffer, method: string, closed: boolean): Omit<RawResponse, 'elapsed' | 'receivedAt'> | undefined {
  const headEnd = received.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const [statusLine, ...lines] = received.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  // 100 Continue and other interim answers come before the real one.
  if (status >= 100 && status < 200) return parseAnswer(received.subarray(headEnd + 4), method, closed);
  const headers: Record<string, string[]> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    (headers[name] ??= []).push(line.slice(colon + 1).trim());
  }
  const rest = received.subarray(headEnd + 4);
  const answer = (body: Buffer) => ({ status, headers, body: body.toString('utf8') });
  if (method === 'HEAD' || status === 204 || status === 304) return answer(Buffer.alloc(0));
  if (headers['transfer-encoding']?.join(',').toLowerCase().includes('chunked')) {
    const parts: Buffer[] = [];
    let offset = 0;
    for (;;) {
      const lineEnd = rest.indexOf('\r\n', offset);
      if (lineEnd < 0) return closed ? answer(Buffer.concat(parts)) : undefined;
      const size = parseInt(rest.subarray(offset, lineEnd).toString('latin1'), 16);
      if (size === 0) return answer(Buffer.concat(parts));
      if (rest.length < lineEnd + 2 + size + 2) return closed ? answer(Buffer.concat(parts)) : undefined;
      parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      offset = lineEnd + 2 + size + 2;
    }
  }
  const length = headers['content-length'] ? Number(headers['content-length'][0]) : undefined;
  if (length !== undefined && rest.length >= length) return answer(rest.subarray(0, length));
  return closed ? answer(rest) : undefined;
}

/**
 * Sends one request on a new connection and resolves with the answer, as soon as it is complete, even
 * when the body is still being sent (the rest of a trickle is then not sent). Rejects when the server
 * closes the connection without an answer, or none comes within `timeout` ms.
 */
export function sendRaw(target: Target, request: RawRequest, timeout = 10_000): Promise<RawResponse> {
  const method = request.method ?? 'POST';
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(target.port, target.host);
    let received = Buffer.alloc(0);
    let settled = false;
    let failure = '';
    const timer = setTimeout(() => finish(new Error(`no answer within ${timeout} ms`)), timeout);
    function finish(outcome: Omit<RawResponse, 'elapsed' | 'receivedAt'> | Error) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (outcome instanceof Error) reject(outcome);
      else {
        const receivedAt = Date.now();
        resolve({ ...outcome, elapsed: receivedAt - started, receivedAt });
      }
    }
    function check(closed: boolean) {
      const answer = parseAnswer(received, method, closed);
      if (answer) finish(answer);
      else if (closed) finish(new Error(`the server closed the connection without an answer (${received.length} bytes${failure})`));
    }
    socket.on('data', (data: Buffer) => {
      received = Buffer.concat([received, data]);
      check(false);
    });
    // A server that answers early may reset the connection while the body is still being written:
    // what it answered before that is the answer.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      failure = `, ${error.code ?? error.message}`;
      check(true);
    });
    socket.on('close', () => check(true));
    if (request.readsAfterSending) socket.pause();
    socket.on('connect', async () => {
      const body = request.body;
      const pieces = request.raw ?? [requestHead(target, request), ...(body === undefined ? [] : Array.isArray(body) ? body : [body])];
      for (const piece of pieces) {
        if (settled || socket.destroyed) return;
        if (typeof piece === 'number') await wait(piece);
        else if (request.readsAfterSending) await new Promise((written) => socket.write(bytes(piece), written));
        else socket.write(bytes(piece));
      }
      if (!socket.destroyed) socket.resume();
    });
  });
}
