/**
 * webpack-server-actions/runtime/fetch: the Fetch API request helper and what a server function uses
 * under it, without the Node helper (busboy, node:http), so that a bundle for an edge runtime holds no
 * Node built-in. This is the entry for the `workerd`, `edge-light` and `worker` conditions; on Node
 * (the default condition, fetch-node.ts) it also hands node:async_hooks' AsyncLocalStorage over.
 */
export {
  handleServerActionFetch,
  type HandleServerActionFetchOptions,
  type ServerActionFetchOutcome,
} from './handle-fetch';
export type { ServerActionInfo, ServerActionResult } from './request-options';
export type { OriginPolicy } from './origin';
export { getServerActionContext, type ServerActionContext, type ServerActionRequest } from './request-context';
export { setCookie, deleteCookie, setResponseHeader, type CookieOptions } from './response-api';
export { redirect } from './redirect';
export { renderPageStream } from './render-page-stream';
export type { RenderPageOptions } from './render-page';
export type { PagePayload } from '../protocol';
export { escapeForLog } from './log';
export {
  ServerActionRequestError,
  ServerActionContextError,
  ServerActionRedirect,
  ResponseStartedError,
  InvalidResponseFieldError,
} from './errors';
export { ServerActionBodyConsumedError } from './consumed-body';
export { ACTION_ID_HEADER, ACTION_ERROR_HEADER, ACTION_REDIRECT_HEADER, FLIGHT_CONTENT_TYPE } from '../protocol';
