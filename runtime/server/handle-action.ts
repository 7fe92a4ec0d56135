/**
 * One server-action request, end to end, whatever the server (the request helpers' shared core):
 * - a call from `callServer` (header `x-server-action`, call-request.ts): the function runs with the
 *   decoded arguments and its result is rendered with React's Flight;
 * - a form posted before hydration or without JavaScript (`$ACTION_` fields, form-request.ts).
 * Both run inside the request's scope (request-context.ts), so that the function can authenticate its
 * caller and shape its answer (cookies, headers). Before anything is read or decoded, the method and
 * the Origin are checked; then the action ID, before anything is imported; the body is read within
 * limits. A refused request gets its status and `x-server-action-error` code, and never reaches a
 * server function. The adapters (handle-request.ts for Node, handle-fetch.ts for Fetch) turn their
 * request into an ActionRequest and send the answer this gives back.
 */
import { ACTION_ERROR_HEADER, ACTION_ID_HEADER } from '../protocol';
import { REFUSALS, type Refusal } from '../refusals';
import type { ActionAnswer, ActionRequest } from './action-request';
import { DEFAULT_BODY_SIZE_LIMIT, DEFAULT_BODY_TIMEOUT, isMultipart, isUrlEncoded } from './body-refusals';
import { handleCall } from './call-request';
import { ServerActionRequestError } from './errors';
import { takeFormState } from './form-state-cookie';
import { handleForm } from './form-request';
import { isAllowedOrigin } from './origin';
import { runWithRequest } from './request-context';
import type { ActionOutcome, HandleServerActionOptions, RenderFlight, RequestLimits } from './request-options';
import { ResponseShape } from './response-shape';

const DEFAULT_MAX_ARGUMENTS = 100;

export async function handleAction<Native, Flight>(
  request: ActionRequest<Native>,
  options: HandleServerActionOptions<Native>,
  renderFlight: RenderFlight<Flight>,
): Promise<ActionOutcome<Flight>> {
  const actionHeader = request.header(ACTION_ID_HEADER);
  const contentType = request.header('content-type');
  const isForm = isMultipart(contentType) || isUrlEncoded(contentType);
  const limits = limitsOf(options);
  if (request.method !== 'POST') {
    if (actionHeader !== undefined) {
      return refused(new ServerActionRequestError('method-not-allowed', 'Server functions are called with POST.'));
    }
    if (!options.redirectAfterFormPost) return { result: { kind: 'none', formState: null }, answer: null, headers: [] };
    const { formState, clear } = await takeFormState(request);
    return { result: { kind: 'none', formState }, answer: null, headers: clear === null ? [] : [['set-cookie', clear]] };
  }
  if (actionHeader === undefined && !isForm) return { result: { kind: 'none', formState: null }, answer: null, headers: [] };

  const report = options.onError ?? ((error: unknown) => console.error(error));
  try {
    if (!isAllowedOrigin(request, options)) {
      throw new ServerActionRequestError('forbidden', 'Server functions are not called from other origins.');
    }
    request.assertBodyUnread?.();
    const shape = new ResponseShape(request.header('origin'));
    const scope = { request: request.native as never, headers: () => request.headers(), response: shape };
    return await runWithRequest(scope, () =>
      actionHeader !== undefined
        ? handleCall(request, actionHeader, limits, options, report, renderFlight, shape)
        : handleForm(request, limits, options, report, shape),
    );
  } catch (error) {
    if (error instanceof ServerActionRequestError) return refused(error);
    throw error;
  }
}

export function limitsOf(options: HandleServerActionOptions<never>): RequestLimits {
  const size = options.bodySizeLimit ?? DEFAULT_BODY_SIZE_LIMIT;
  return {
    body: { size, timeout: options.bodyTimeout ?? DEFAULT_BODY_TIMEOUT },
    maxArguments: options.maxArguments ?? DEFAULT_MAX_ARGUMENTS,
    // React counts array slots, string characters and typed-array bytes, again for each reference:
    // a body without references never reaches its own size, so only amplification is refused.
    arraySizeLimit: options.arraySizeLimit ?? size,
  };
}

/** The answer to a refused request: its status, code, the refusal's own headers and a short text. */
export function refusalAnswer(error: ServerActionRequestError): ActionAnswer<never> {
  const refusal: Refusal = REFUSALS[error.reason];
  const headers: Array<[string, string]> = [
    ['content-type', 'text/plain; charset=utf-8'],
    [ACTION_ERROR_HEADER, error.reason],
    ...Object.entries(refusal.headers ?? {}),
  ];
  return { status: error.status, headers, body: error.message };
}

function refused(error: ServerActionRequestError): ActionOutcome<never> & { refusal: ServerActionRequestError } {
  return {
    result: { kind: 'refused', status: error.status, code: error.reason },
    answer: refusalAnswer(error),
    headers: [],
    refusal: error,
  };
}
