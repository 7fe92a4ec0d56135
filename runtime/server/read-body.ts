/**
 * Node request bodies (IncomingMessage), read within limits enforced while the body streams in: a size
 * limit (a declared Content-Length over it is refused before a byte is read) and a deadline for the
 * whole body, so that neither a large body nor one that trickles in can hold the server's memory or a
 * connection. Multipart bodies are parsed by busboy as they arrive. (fetch-body.ts: the same for Fetch.)
 */
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import type { BodyLimits, BodySource } from './action-request';
import { endedEarly, isUrlEncoded, malformedMultipart as malformed, timedOut, tooLarge } from './body-refusals';
import { ServerActionRequestError } from './errors';

/** The body of a Node request, read within the limits as it streams in. */
export function nodeBody(request: IncomingMessage): BodySource {
  return {
    readText: (limits) => readText(request, limits),
    readFormData: (limits) => readFormData(request, limits),
  };
}

/**
 * Watches a body as it streams in and calls `refuse` once if it goes over the size limit, is still
 * arriving at the deadline, or ends before its end (the client went away). Throws at once for a
 * declared Content-Length over the limit.
 */
function guardBody(request: IncomingMessage, limits: BodyLimits, refuse: (error: ServerActionRequestError) => void): void {
  if (Number(request.headers['content-length']) > limits.size) throw tooLarge();
  let size = 0;
  let settled = false;
  const settle = (error?: ServerActionRequestError) => {
    if (settled) return;
    settled = true;
    if (deadline !== undefined) clearTimeout(deadline);
    request.off('data', onData);
    if (error) refuse(error);
  };
  // A body that has arrived whole (Node's parser has seen its end: a small body comes with the
  // headers) cannot be slow: no timer for it. Its size is still counted.
  const deadline = request.complete ? undefined : setTimeout(() => settle(timedOut()), limits.timeout);
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limits.size) settle(tooLarge());
  };
  request.on('data', onData);
  request.once('end', () => settle());
  request.once('close', () => settle(request.complete ? undefined : endedEarly()));
}

export function readText(request: IncomingMessage, limits: BodyLimits): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let refused = false;
    // Registered first: its data listener sees each chunk before this one keeps it.
    guardBody(request, limits, (error) => {
      refused = true;
      chunks.length = 0;
      reject(error);
    });
    request.on('data', (chunk: Buffer) => refused || chunks.push(chunk));
    request.once('end', () => refused || resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

// Why a parser was stopped: its streams then fail with errors of their own, which must not hide it.
const refusals = new WeakMap<busboy.Busboy, ServerActionRequestError>();

/**
 * A busboy parser for a multipart body within the limits; pipe the request into it. Throws a 400 for
 * a content type busboy cannot parse (no boundary).
 */
export function multipartParser(request: IncomingMessage, limits: BodyLimits): busboy.Busboy {
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: request.headers, limits: { fieldSize: limits.size, fileSize: limits.size } });
  } catch {
    throw malformed();
  }
  guardBody(request, limits, (error) => {
    refusals.set(parser, error);
    request.unpipe(parser);
    parser.destroy(error);
  });
  return parser;
}

/** What a failure of this parser (or of React reading it) means for the request: its refusal. */
export function multipartFailure(parser: busboy.Busboy, error: unknown): ServerActionRequestError {
  return refusals.get(parser) ?? (error instanceof ServerActionRequestError ? error : malformed());
}

/**
 * A whole form body as FormData, for `decodeReply`, `decodeAction` and `decodeFormState`, its entries
 * in the order they were sent: React reads the entries of a FormData argument as one run, and a form's
 * own FormData goes to the function as the browser sent it.
 */
export function readFormData(request: IncomingMessage, limits: BodyLimits): Promise<FormData> {
  if (isUrlEncoded(request.headers['content-type'])) return readText(request, limits).then(urlEncodedForm);
  let parser: busboy.Busboy;
  try {
    parser = multipartParser(request, limits);
  } catch (error) {
    // A refusal before a byte is read (no boundary, a declared length over the limit): a rejection too.
    return Promise.reject(error);
  }
  // A file's stream ends after the parser has gone on to the fields behind it: each entry keeps its place.
  const entries: Array<[string, string | File]> = [];
  return new Promise<FormData>((resolve, fail) => {
    const reject = (error: unknown) => fail(multipartFailure(parser, error));
    let openFiles = 0;
    let closed = false;
    const settle = () => {
      if (!closed || openFiles > 0) return;
      const formData = new FormData();
      for (const [name, value] of entries) formData.append(name, value);
      resolve(formData);
    };
    parser.on('field', (name, value) => entries.push([name, value]));
    parser.on('file', (name, stream, info) => {
      const place = entries.push([name, '']) - 1;
      const chunks: Buffer[] = [];
      openFiles += 1;
      // A file stream fails with the parser (body too large): unhandled, that would end the process.
      stream.on('error', reject);
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const bytes = chunks.map((chunk) => new Uint8Array(chunk));
        entries[place] = [name, new File(bytes, info.filename ?? 'blob', { type: info.mimeType })];
        openFiles -= 1;
        settle();
      });
    });
    parser.on('close', () => {
      closed = true;
      settle();
    });
    parser.on('error', reject);
    request.pipe(parser);
  });
}

function urlEncodedForm(text: string): FormData {
  const formData = new FormData();
  for (const [key, value] of new URLSearchParams(text)) formData.append(key, value);
  return formData;
}
