/**
 * One simulated browser of the load test: requests over a shared keep-alive agent, with the cookies the
 * server set on this browser sent back, as a browser does. Each request is timed from its first byte
 * sent to the last byte of its answer; an error, a timeout or a body that cannot be read rejects.
 */
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Milliseconds from sending the request to the end of its answer's body. */
  latency: number;
}

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

/** How long one request may take before it counts as failed. */
const REQUEST_TIMEOUT_MS = 30_000;

export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly origin: string,
    private readonly agent: Agent,
  ) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  send(spec: RequestSpec): Promise<Answer> {
    const headers: Record<string, string> = { ...spec.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (spec.body) headers['content-length'] = String(spec.body.length);
    const url = new URL(spec.path, this.origin);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const request = httpRequest(url, { method: spec.method, headers, agent: this.agent, timeout: REQUEST_TIMEOUT_MS }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('aborted', () => reject(new Error('the answer was cut off')));
        response.on('end', () => {
          if (!response.complete) return reject(new Error('the answer was cut off'));
          this.keepCookies(response.headers['set-cookie']);
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks), latency: performance.now() - started });
        });
      });
      request.on('timeout', () => request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
      request.on('error', reject);
      request.end(spec.body);
    });
  }

  /** A browser's cookie jar, reduced to what this server sets: name=value, removed by Max-Age=0. */
  private keepCookies(setCookies: string[] | undefined): void {
    for (const line of setCookies ?? []) {
      const [pair, ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      if (separator === -1) continue;
      const name = pair.slice(0, separator).trim();
      const expired = attributes.some((attribute) => /^\s*max-age\s*=\s*0\s*$/i.test(attribute));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(separator + 1).trim());
    }
  }
}

/** A request body and its content type as fetch sends them: FormData as multipart, a string as text/plain. */
export async function encodeBody(value: string | FormData): Promise<{ body: Buffer; contentType: string }> {
  const encoded = new Response(value);
  return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type')! };
}
