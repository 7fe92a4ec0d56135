/**
 * In-memory stand-ins for Node's IncomingMessage and ServerResponse, so that the runtime benchmark
 * times the request helper's own work and not a socket's. The request streams a prepared body in
 * one chunk and says `complete` once it has, as Node's does; the response counts what is written
 * (or keeps it, to compare two answers) and takes `writeHead` and headers as ServerResponse does.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { Readable, Writable } from 'node:stream';

/** A prepared request: what a browser would send. */
export interface PreparedRequest {
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export class MemoryRequest extends Readable {
  readonly method = 'POST';
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  // origin.ts reads `socket.encrypted`: a plain-http connection.
  readonly socket = {};
  complete = false;
  private body: Buffer | null;

  constructor(prepared: PreparedRequest) {
    super();
    this.url = prepared.url;
    this.headers = prepared.headers;
    this.body = prepared.body;
    this.once('end', () => (this.complete = true));
  }

  override _read(): void {
    const body = this.body;
    this.body = null;
    if (body !== null && body.length > 0) this.push(body);
    this.push(null);
  }
}

export class MemoryResponse extends Writable {
  statusCode = 200;
  headersSent = false;
  readonly headers: Record<string, string | string[]> = {};
  bytes = 0;
  private readonly kept: Buffer[] | null;

  constructor(keepBody = false) {
    super();
    this.kept = keepBody ? [] : null;
  }

  writeHead(status: number, headers: Record<string, string> = {}): this {
    this.statusCode = status;
    Object.assign(this.headers, headers);
    this.headersSent = true;
    return this;
  }

  setHeader(name: string, value: string | string[]): this {
    this.headers[name.toLowerCase()] = value;
    return this;
  }

  appendHeader(name: string, value: string): this {
    const key = name.toLowerCase();
    const previous = this.headers[key];
    this.headers[key] = previous === undefined ? value : [previous, value].flat();
    return this;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.bytes += chunk.length;
    this.kept?.push(chunk);
    done();
  }

  /** What was written, when the response was made to keep it. */
  text(): string {
    return Buffer.concat(this.kept ?? []).toString('utf8');
  }

  /** Resolves once `end()` was called and everything written (at once if it already was). */
  finished(): Promise<void> {
    if (this.writableFinished) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.once('finish', resolve);
      this.once('error', reject);
    });
  }
}

/** The pair as the types of Node's http module, which is how the helper and the baselines take them. */
export function memoryExchange(prepared: PreparedRequest, keepBody = false) {
  const request = new MemoryRequest(prepared);
  const response = new MemoryResponse(keepBody);
  return {
    request: request as unknown as IncomingMessage,
    response: response as unknown as ServerResponse,
    memoryResponse: response,
  };
}
