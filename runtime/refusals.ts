/**
 * The refusals of the request helper: each way it answers a request without running a server
 * function. This table is where they are written down, once: a refusal is made by naming its code
 * (`new ServerActionRequestError('too-large', message)`) and takes its status, headers and error code
 * from here; the browser's `ServerActionError` takes its codes' type from here; and
 * test/runtime/protocol-table.test.ts checks the tables of docs/protocol.md against it.
 *
 * The keys are the `x-server-action-error` codes on the wire. Browsers' `callServer` and apps read
 * them (and the statuses): they do not change. No imports, so that the browser's runtime may use it.
 */

export interface Refusal {
  /** The HTTP status of the answer. */
  readonly status: number;
  /** Headers the answer carries besides `x-server-action-error` and its content type, in lower case. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The `code` of the `ServerActionRequestError` the server makes for it: what server code branches on. */
  readonly errorCode: `ERR_SERVER_ACTION_${string}`;
  /** What it means, in one sentence: docs/protocol.md's table of refusal codes is made from it. */
  readonly meaning: string;
}

/** In the order the request helper's checks run (a `bad-request` can come at several of them). */
export const REFUSALS = {
  'method-not-allowed': {
    status: 405,
    headers: { allow: 'POST' },
    errorCode: 'ERR_SERVER_ACTION_METHOD_NOT_ALLOWED',
    meaning: 'The `x-server-action` header came with a method other than POST.',
  },
  forbidden: {
    status: 403,
    errorCode: 'ERR_SERVER_ACTION_FORBIDDEN',
    meaning: "The request came from a page of another origin than this host's, and not of one in `allowedOrigins`.",
  },
  'bad-request': {
    status: 400,
    errorCode: 'ERR_SERVER_ACTION_BAD_REQUEST',
    meaning:
      "The action ID, the arguments, the form's action fields or the captured values are malformed, or React " +
      'cannot decode or settle them within the limits.',
  },
  'not-found': {
    status: 404,
    // The code of loadServerAction's ServerActionNotFoundError too: the same answer to the same question.
    errorCode: 'ERR_SERVER_ACTION_NOT_FOUND',
    meaning: 'The action ID is well formed but names no server function of this build (a page older than a deploy: reload).',
  },
  'unsupported-media-type': {
    status: 415,
    errorCode: 'ERR_SERVER_ACTION_UNSUPPORTED_MEDIA_TYPE',
    meaning: "A call's body is neither `text/plain` nor `multipart/form-data`.",
  },
  'too-large': {
    status: 413,
    errorCode: 'ERR_SERVER_ACTION_TOO_LARGE',
    meaning: 'The body is larger than `bodySizeLimit`.',
  },
  timeout: {
    status: 408,
    errorCode: 'ERR_SERVER_ACTION_TIMEOUT',
    meaning: 'The body was still arriving when `bodyTimeout` passed.',
  },
} as const satisfies Record<string, Refusal>;

/** Why a request was refused, as the `x-server-action-error` header says it. */
export type RefusalCode = keyof typeof REFUSALS;

/** The `code` of a `ServerActionRequestError`, one for each refusal. */
export type RefusalErrorCode = (typeof REFUSALS)[RefusalCode]['errorCode'];
