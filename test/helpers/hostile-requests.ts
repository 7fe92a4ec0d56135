/**
 * Builders of requests to the notes example, as RawRequests (hostile-http.ts): calls with any action
 * header, content type and body, form posts with any fields, multipart bodies written by hand to break
 * them. What to send is in hostile-cases.ts; what to expect, in the suite.
 */
import type { RawRequest } from './hostile-http';

export const ACTION_HEADER = 'x-server-action';
export const TEXT_TYPE = 'text/plain;charset=UTF-8';
/** Well-formed (40 lowercase hex) and in no manifest. */
export const UNKNOWN_ID = '0123456789abcdef0123456789abcdef01234567';

type Headers = Array<[string, string]>;

/** A call: the action header, a content type (null: none) and a body, as the client runtime sends it or not. */
export function call(actionId: string, body: string | Buffer, contentType: string | null = TEXT_TYPE, headers: Headers = []): RawRequest {
  const type: Headers = contentType === null ? [] : [['Content-Type', contentType]];
  return { headers: [[ACTION_HEADER, actionId], ...type, ...headers], body };
}

/** A FormData (or fields) as the bytes and content type fetch would send. */
export async function multipart(fields: Array<[string, string | Blob]> | FormData): Promise<{ type: string; body: Buffer }> {
  let form = fields as FormData;
  if (Array.isArray(fields)) {
    form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
  }
  const encoded = new Response(form);
  return { type: encoded.headers.get('content-type')!, body: Buffer.from(await encoded.arrayBuffer()) };
}

/** A call whose arguments are a multipart Flight reply: fields `0` (the root), `1`, ... (repeated names: as pairs). */
export async function multipartCall(
  actionId: string,
  fields: Record<string, string | Blob> | Array<[string, string | Blob]>,
  headers: Headers = [],
): Promise<RawRequest> {
  const { type, body } = await multipart(Array.isArray(fields) ? fields : Object.entries(fields));
  return call(actionId, body, type, headers);
}

/** A form posted before hydration: multipart fields, no action header. */
export async function formPost(fields: Array<[string, string | Blob]>, headers: Array<[string, string]> = []): Promise<RawRequest> {
  const { type, body } = await multipart(fields);
  return { headers: [['Content-Type', type], ...headers], body };
}

export function urlEncodedPost(fields: Array<[string, string]>): RawRequest {
  return { headers: [['Content-Type', 'application/x-www-form-urlencoded']], body: new URLSearchParams(fields).toString() };
}

/** A bound action in a form, as React renders it: `$ACTION_REF_<p>` and `$ACTION_<p>:0` (its metadata). */
export function boundActionFields(metadata: string | undefined, prefix = '1'): Array<[string, string]> {
  const fields: Array<[string, string]> = [[`$ACTION_REF_${prefix}`, '']];
  if (metadata !== undefined) fields.push([`$ACTION_${prefix}:0`, metadata]);
  return fields;
}

export interface MultipartPart {
  headers: string[];
  body: string;
}

/** A multipart body written by hand, to break it: parts with their own header lines, no closing boundary. */
export function handWrittenMultipart(boundary: string, parts: MultipartPart[], closed = true): Buffer {
  const text = parts.map((part) => `--${boundary}\r\n${part.headers.map((line) => `${line}\r\n`).join('')}\r\n${part.body}\r\n`).join('');
  return Buffer.from(closed ? `${text}--${boundary}--\r\n` : text, 'utf8');
}

export const field = (name: string, value: string): MultipartPart => ({
  headers: [`Content-Disposition: form-data; name="${name}"`],
  body: value,
});
