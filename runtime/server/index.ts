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
  type ServerActionResult,
} from './handle-request';
export {
  ServerActionNotFoundError,
  ServerActionRequestError,
  ServerActionsManifestMissingError,
  CapturedValuesRejectedError,
  CapturedValueNotSerializableError,
  ServerActionsKeyError,
  ServerActionRedirect,
} from './errors';
export { redirect } from './redirect';
export { FORM_STATE_COOKIE } from './form-state-cookie';
export { ENCRYPTION_KEY_VARIABLE } from './encryption-keys';
export { ACTION_ID_HEADER, ACTION_ERROR_HEADER, ACTION_REDIRECT_HEADER, FLIGHT_CONTENT_TYPE } from '../protocol';
