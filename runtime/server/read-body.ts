/** Request bodies, read with a size limit that is enforced while the body streams in. */
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { ServerActionRequestError } from './errors';

export const DEFAULT_BODY_SIZE_LIMIT = 1024 * 1024;

export function isMultipart(request: IncomingMessage): boolean {
  return /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '');
}

export function isUrlEncoded(request: IncomingMessage): boolean {
  return /^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '');
}

function tooLarge(): ServerActionRequestError {
  return new ServerActionRequestError('The request body is larger than the limit.', 413);
}

export async function readText(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length']);
  if (declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A busboy parser for a multipart body, with the size limit applied to fields and files. */
export function multipartParser(request: IncomingMessage, limit: number): busboy.Busboy {
  const parser = busboy({ headers: request.headers, limits: { fieldSize: limit, fileSize: limit } });
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) {
      request.unpipe(parser);
      parser.destroy(tooLarge());
      request.resume();
    }
  });
  return parser;
}

/** A whole form body as FormData, for `decodeAction` and `decodeFormState`. */
export async function readFormData(request: IncomingMessage, limit: number): Promise<FormData> {
  const formData = new FormData();
  if (isUrlEncoded(request)) {
    for (const [key, value] of new URLSearchParams(await readText(request, limit))) formData.append(key, value);
    return formData;
  }
  const parser = multipartParser(request, limit);
  await new Promise<void>((resolve, reject) => {
    parser.on('field', (name, value) => formData.append(name, value));
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      // A file stream fails with the parser (body too large): unhandled, that would end the process.
      stream.on('error', reject);
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => formData.append(name, new File(chunks.map((chunk) => new Uint8Array(chunk)), info.filename ?? 'blob', { type: info.mimeType })));
    });
    parser.on('close', resolve);
    parser.on('error', reject);
    request.pipe(parser);
  });
  return formData;
}
