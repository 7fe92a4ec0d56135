/**
 * What webpack-server-actions/runtime exports on every runtime: all but the Node helper and the
 * pipeable page stream (index.ts adds them on Node; edge.ts answers them with an error elsewhere).
 */
export type { HandleServerActionOptions, ServerActionInfo, ServerActionResult } from './request-options';
export { getServerActionsManifest, readServerActionsManifest } from './manifest';
export type { ServerActionsManifest, ServerManifestEntry, ClientManifest } from '../types';
export { loadServerAction, hasServerAction, isWellFormedActionId, type ServerFunction } from './load-server-action';
export {
  handleServerActionFetch,
  type HandleServerActionFetchOptions,
  type ServerActionFetchOutcome,
} from './handle-fetch';
export type { OriginPolicy } from './origin';
export {
  getServerActionRequest,
  getServerActionContext,
  type ServerActionContext,
  type ServerActionRequest,
} from './request-context';
export { setCookie, deleteCookie, setResponseHeader, type CookieOptions } from './response-api';
export { renderPageStream } from './render-page-stream';
export type { PagePayload } from '../protocol';
export { escapeForLog } from './log';
export {
  ServerActionNotFoundError,
  ServerActionRequestError,
  ServerActionContextError,
  ServerActionsManifestMissingError,
  CapturedValuesRejectedError,
  CapturedValueNotSerializableError,
  ServerActionsKeyError,
  ServerActionRedirect,
  ServerExportNotAFunctionError,
  ResponseStartedError,
  InvalidResponseFieldError,
} from './errors';
export { ServerActionBodyConsumedError } from './consumed-body';
export { redirect } from './redirect';
export { FORM_STATE_COOKIE } from './form-state-cookie';
export { ENCRYPTION_KEY_VARIABLE } from './encryption-keys';
export { ACTION_ID_HEADER, ACTION_ERROR_HEADER, ACTION_REDIRECT_HEADER, FLIGHT_CONTENT_TYPE } from '../protocol';
