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
export type { OriginPolicy } from './origin';
export { getServerActionRequest } from './request-context';
export { renderPage, type RenderPageOptions, type PageFlightStream } from './render-page';
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
} from './errors';
export { ServerActionBodyConsumedError } from './consumed-body';
export { redirect } from './redirect';
export { FORM_STATE_COOKIE } from './form-state-cookie';
export { ENCRYPTION_KEY_VARIABLE } from './encryption-keys';
export { ACTION_ID_HEADER, ACTION_ERROR_HEADER, ACTION_REDIRECT_HEADER, FLIGHT_CONTENT_TYPE } from '../protocol';
