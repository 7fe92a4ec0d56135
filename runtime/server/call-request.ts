/**
 * A call from `callServer`: the action ID in the `x-server-action` header, the arguments in the body
 * (React's encodeReply: text/plain, or multipart/form-data when they hold files). The ID is checked
 * before a byte of the body is read; the arguments are decoded within the limits and settled
 * (settle-arguments.ts), then the function runs and its result goes back as a Flight stream.
 */
import { decodeReply } from 'react-server-dom-webpack/server';
import { ACTION_REDIRECT_HEADER, FLIGHT_CONTENT_TYPE, type ActionResponsePayload } from '../protocol';
import { notFound, requireKnownAction } from './action-info';
import type { ActionRequest, HeaderPairs } from './action-request';
import { isMultipart, isPlainText } from './body-refusals';
import {
  CapturedValuesRejectedError,
  ServerActionRedirect,
  ServerActionRequestError,
} from './errors';
import { registeredFunction } from './load-server-action';
import { getServerActionsManifest } from './manifest';
import type { ActionOutcome, HandleServerActionOptions, RenderFlight, RequestLimits } from './request-options';
import type { ResponseShape } from './response-shape';
import { beforeDeadline, settleArguments, settledNow, type Deadline } from './settle-arguments';

export async function handleCall<Native, Flight>(
  request: ActionRequest<Native>,
  actionHeader: string,
  limits: RequestLimits,
  options: HandleServerActionOptions<Native>,
  report: (error: unknown) => void,
  renderFlight: RenderFlight<Flight>,
  shape: ResponseShape,
): Promise<ActionOutcome<Flight>> {
  const { info: action, entry } = requireKnownAction(actionHeader);
  const contentType = request.header('content-type');
  if (!isPlainText(contentType) && !isMultipart(contentType)) {
    throw new ServerActionRequestError('unsupported-media-type', 'A call carries text/plain or multipart/form-data.');
  }
  const args = await decodeArguments(request, limits);
  // Checked above: only what the module exports can still fail. Awaited only when it is a promise.
  const found = registeredFunction(action.id, entry);
  const fn = found instanceof Promise ? await found : found;
  // An export that is not a registered server function is as unknown as a missing ID.
  if (fn === null) throw notFound();
  // The client went away while its body arrived: the function does not run for nobody.
  request.signal?.throwIfAborted();

  let status = 200;
  let thrown: unknown;
  let payload: ActionResponsePayload;
  try {
    payload = { returnValue: await fn(...args) };
  } catch (error) {
    // Captured values that did not open: the request was forged or stale, the function did not run.
    if (error instanceof CapturedValuesRejectedError) throw new ServerActionRequestError('bad-request', error.message);
    if (error instanceof ServerActionRedirect) {
      const headers: HeaderPairs = [[ACTION_REDIRECT_HEADER, error.location], ...shape.take()];
      return { result: { kind: 'call', status: 204, action }, answer: { status: 204, headers, body: null }, headers: [] };
    }
    status = 500;
    thrown = error;
    report(error);
    payload = { returnValue: Promise.reject(error) };
  }
  if (status === 200 && options.renderRoot) payload.root = options.renderRoot(request.native);
  // From here the answer has started: what renders in it can no longer set headers or cookies.
  const headers: HeaderPairs = [['content-type', FLIGHT_CONTENT_TYPE], ...shape.take()];
  // The function's own error was reported above; React meets it again while sending it.
  const flight = renderFlight(payload, (error: unknown) => (error === thrown ? undefined : report(error)));
  return { result: { kind: 'call', status, action }, answer: { status, headers, body: { flight } }, headers: [] };
}

/**
 * The arguments, whole: the body read within the limits, decoded by React, and everything React left
 * unfinished in them (promises, streams, iterators) settled, all within the body's deadline.
 */
async function decodeArguments(request: ActionRequest<unknown>, limits: RequestLimits): Promise<unknown[]> {
  const deadline = Date.now() + limits.body.timeout;
  // A multipart body is read whole before React decodes it: the function runs only once all of it
  // has come within the limits, and the settling below may need to decode it twice.
  const body = isMultipart(request.header('content-type'))
    ? await request.body.readFormData(limits.body)
    : await request.body.readText(limits.body);
  const decoded = decodeWithin(body, limits, deadline);
  const args = decoded instanceof Promise ? await decoded : decoded;
  if (!Array.isArray(args)) throw new ServerActionRequestError('bad-request', 'The arguments must be an array.');
  if (args.length > limits.maxArguments) {
    throw new ServerActionRequestError('bad-request', `A call passes at most ${limits.maxArguments} arguments.`);
  }
  const settling = settleArguments(args, deadline);
  const settled = typeof settling === 'string' ? settling : await settling;
  if (settled === 'unsettled') throw undecodable();
  // Streams and iterators were read to their end to settle them: the function gets them unread.
  return settled === 'whole-once-read' ? ((await decodeWithin(body, limits, deadline)) as unknown[]) : args;
}

/**
 * The decoded reply: at once when React has decoded it whole (a reply that waits for nothing), else a
 * promise of it within the deadline (a reply can make React wait for ever: a server reference bound
 * to itself). Whatever fails is refused without React's message, which may quote the body.
 */
function decodeWithin(body: string | FormData, limits: RequestLimits, deadline: Deadline): unknown {
  let decoded: unknown;
  try {
    decoded = decodeReply<unknown>(body, getServerActionsManifest(), { arraySizeLimit: limits.arraySizeLimit });
  } catch {
    throw undecodable();
  }
  const now = settledNow(decoded);
  if (now === null) return beforeDeadline(decoded, deadline).catch(() => Promise.reject(undecodable()));
  if (!now.fulfilled) throw undecodable();
  return now.value;
}

function undecodable(): ServerActionRequestError {
  return new ServerActionRequestError('bad-request', 'The arguments could not be decoded.');
}
