/**
 * webpack-server-actions/runtime: the server side. Import it from code that webpack bundles in the
 * server layer; the manifest comes with the bundle.
 */
export { getServerActionsManifest, readServerActionsManifest } from './manifest';
export type { ServerActionsManifest, ServerManifestEntry, ClientManifest } from '../types';
export { loadServerAction, hasServerAction, isWellFormedActionId, type ServerFunction } from './load-server-action';
export {
  handleServerActionRequest,
  type HandleServerActionOptions,
  type ServerActionInfo,
  type ServerActionResult,
} from './handle-request';
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
export { renderPage, type RenderPageOptions, type PageFlightStream } from './render-page';
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
