/**
 * Fetch API request bodies, read within the same limits as Node's (read-body.ts): the size counted as
 * the stream delivers it (a declared Content-Length over the limit is refused before a byte is read),
 * a deadline for the whole body, and the request's abort signal. `request.formData()` would read an
 * unbounded body, so a multipart body is read as bytes within the limits first, then parsed by the
 * platform's own multipart parser (a Response made of those bytes). No Node built-in: this runs on
 * edge runtimes.
 */
import type { BodyLimits, BodySource } from './action-request';
import { endedEarly, isUrlEncoded, malformedMultipart, timedOut, tooLarge } from './body-refusals';
import { ServerActionRequestError } from './errors';

export function fetchBody(request: Request): BodySource {
  return {
    async readText(limits) {
      return new TextDecoder().decode(await readBytes(request, limits));
    },
    async readFormData(limits) {
      const contentType = request.headers.get('content-type') ?? '';
      const bytes = await readBytes(request, limits);
      if (isUrlEncoded(contentType)) {
        const formData = new FormData();
        for (const [key, value] of new URLSearchParams(new TextDecoder().decode(bytes))) formData.append(key, value);
        return formData;
      }
      try {
        return await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
      } catch {
        throw malformedMultipart();
      }
    },
  };
}

/** The whole body, or a refusal: too large, too slow, cut short; the abort signal's reason once it aborts. */
async function readBytes(request: Request, limits: BodyLimits): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get('content-length')) > limits.size) throw tooLarge();
  const signal = request.signal;
  signal?.throwIfAborted();
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  // Settles only by rejecting: at the deadline, or when the request is aborted.
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut()), limits.timeout);
    onAbort = () => reject(signal.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await Promise.race([reader.read(), stop]);
      } catch (error) {
        // The deadline or the abort; anything else is the stream failing: the client went away mid-body.
        if (error instanceof ServerActionRequestError || (signal?.aborted && error === signal.reason)) throw error;
        throw endedEarly();
      }
      if (step.done) break;
      size += step.value.byteLength;
      if (size > limits.size) throw tooLarge();
      chunks.push(step.value);
    }
  } catch (error) {
    // Nothing more is wanted from this body; the server may drop the rest.
    reader.cancel(error).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    try {
      reader.releaseLock();
    } catch {
      // A read still pending on a cancelled stream: it ends with the stream.
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
