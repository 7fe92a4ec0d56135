/**
 * The protocol between the browser's `callServer` and the server's request helper, and the name under
 * which the plugin puts the manifest into the server bundle's webpack runtime.
 *
 * A call is `POST <page URL>` with the header `x-server-action: <action ID>` and the `encodeReply`
 * body (text/plain for a string, multipart/form-data for a FormData). The answer is a Flight stream
 * (content type text/x-component) of `{ returnValue }`. A refused request (unknown action 404,
 * malformed 400, cross-origin 403, ...) is answered with the header `x-server-action-error: <code>`
 * and a short text body, each code with its own status (the table in refusals.ts); a function that
 * throws, with status 500 and the error serialised in the stream, so the caller's promise rejects.
 * When the app asks for it, the stream also holds the re-rendered server component tree as `root`. A
 * function that calls `redirect()` gives 204 with the header `x-server-action-redirect: <location>`.
 */
export const ACTION_ID_HEADER = 'x-server-action';
export const ACTION_ERROR_HEADER = 'x-server-action-error';
export const ACTION_REDIRECT_HEADER = 'x-server-action-redirect';
export const FLIGHT_CONTENT_TYPE = 'text/x-component';

export interface ActionResponsePayload<T = unknown> {
  returnValue: T;
  /** The server component tree, re-rendered after the function ran (the request helper's `renderRoot`). */
  root?: unknown;
}

/** `__webpack_require__.<name>`: set by the plugin's runtime module in the server bundle. */
export const MANIFEST_RUNTIME_PROPERTY = 'serverActionsManifest';

/** `__webpack_require__.<name>`: the keys built into the server bundle (see encryption-keys.ts). */
export const KEYS_RUNTIME_PROPERTY = 'serverActionsEncryptionKeys';

/**
 * A page's Flight stream (what the SSR helper renders to HTML and the browser helper hydrates from):
 * the server component tree, and the form state `useActionState` needs after a form post (null
 * otherwise). The same shape answers a page's GET with `Accept: text/x-component` (a refresh, or a
 * navigation after a server function redirected).
 */
export interface PagePayload {
  root: unknown;
  formState: unknown;
}

/**
 * `self.<name>`: the array that the SSR helper's inline scripts push the page's Flight payload into,
 * chunk by chunk, and that the browser helper reads (page-payload-chunks.ts encodes each entry).
 */
export const PAGE_PAYLOAD_GLOBAL = '__wsa_flight';
