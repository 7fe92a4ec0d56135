/**
 * A form posted before hydration or without JavaScript: React's decodeAction finds the action in the
 * `$ACTION_` fields, runs it with the rest of the form, and decodeFormState gives useActionState its
 * state. The action the form names is checked first, exactly as decodeAction will read it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeAction, decodeFormState, decodeReply } from 'react-server-dom-webpack/server';
import { requireKnownAction } from './action-info';
import { CapturedValuesRejectedError, ServerActionRedirect, ServerActionRequestError } from './errors';
import { formStateCookie, samePageLocation } from './form-state-cookie';
import { getServerActionsManifest } from './manifest';
import { readFormData } from './read-body';
import type { HandleServerActionOptions, RequestLimits, ServerActionInfo, ServerActionResult } from './request-options';

export async function handleForm(
  request: IncomingMessage,
  response: ServerResponse,
  limits: RequestLimits,
  options: HandleServerActionOptions,
  report: (error: unknown) => void,
): Promise<ServerActionResult> {
  const formData = await readFormData(request, limits.body);
  const named = formAction(formData);
  if (named === null) return { kind: 'none', formState: null };
  const action = requireKnownAction(named.id);
  if (named.boundPrefix !== undefined) await checkBoundArguments(formData, named.boundPrefix, limits);
  const manifest = getServerActionsManifest();
  let run: () => Promise<unknown>;
  try {
    run = await decodeAction(formData, manifest)!;
  } catch {
    throw new ServerActionRequestError("The form's server-function fields could not be decoded.", 400, 'bad-request');
  }
  let returnValue: unknown;
  try {
    returnValue = await run();
  } catch (error) {
    if (error instanceof CapturedValuesRejectedError) throw new ServerActionRequestError(error.message, 400, 'bad-request');
    if (error instanceof ServerActionRedirect) return seeOther(response, action, error.location);
    report(error);
    return { kind: 'form', status: 500, returnValue: undefined, formState: null, error, action };
  }
  const formState = await decodeFormState(returnValue, formData, manifest);
  if (options.redirectAfterFormPost) {
    // Back to the page the form was posted to, by GET, with the state (if any) in a cookie.
    const target = samePageLocation(request.url);
    const cookie = formState === null ? null : await formStateCookie(request, formState, target);
    if (formState === null || cookie !== null) return seeOther(response, action, target, cookie);
  }
  return { kind: 'form', status: 200, returnValue, formState, action };
}

/**
 * The action a form names, read as decodeAction reads it: the LAST `$ACTION_ID_<id>` or
 * `$ACTION_REF_<n>` field wins (a check of the first would let a later field through). A bound
 * action's ID is in the JSON of its `$ACTION_<n>:0` field, and its bound arguments in the fields
 * under that prefix. Null when the form names no action; a 400 when it names one unreadably.
 */
export function formAction(formData: FormData): { id: string; boundPrefix?: string } | null {
  let actionKey: string | null = null;
  for (const key of formData.keys()) {
    if (key.startsWith('$ACTION_ID_') || key.startsWith('$ACTION_REF_')) actionKey = key;
  }
  if (actionKey === null) return null;
  if (actionKey.startsWith('$ACTION_ID_')) return { id: actionKey.slice('$ACTION_ID_'.length) };
  const boundPrefix = `$ACTION_${actionKey.slice('$ACTION_REF_'.length)}:`;
  const metadata = formData.get(`${boundPrefix}0`);
  let id: unknown;
  try {
    id = typeof metadata === 'string' ? (JSON.parse(metadata) as { id?: unknown } | null)?.id : undefined;
  } catch {
    id = undefined;
  }
  if (typeof id !== 'string') throw malformedBinding();
  return { id, boundPrefix };
}

/**
 * decodeAction takes no limits (React caps bound arguments at 1 000, arrays at a million slots): the
 * bound arguments are decoded first as a reply under the helper's limits, and counted with the form
 * data the action is called with.
 */
async function checkBoundArguments(formData: FormData, boundPrefix: string, limits: RequestLimits): Promise<void> {
  const reply = new FormData();
  for (const [key, value] of formData) if (key.startsWith(boundPrefix)) reply.append(key.slice(boundPrefix.length), value);
  let bound: unknown;
  try {
    const metadata = await decodeReply<{ bound?: unknown }>(reply, getServerActionsManifest(), {
      arraySizeLimit: limits.arraySizeLimit,
    });
    // A promise React's decoder made for the `$@` reference, not a thenable from the request.
    bound = await metadata.bound;
  } catch {
    throw malformedBinding();
  }
  if (bound === null || bound === undefined) return;
  if (!Array.isArray(bound)) throw malformedBinding();
  if (bound.length + 1 > limits.maxArguments) {
    throw new ServerActionRequestError(`A call passes at most ${limits.maxArguments} arguments.`, 400, 'bad-request');
  }
}

function malformedBinding(): ServerActionRequestError {
  return new ServerActionRequestError("The form's bound action is malformed.", 400, 'bad-request');
}

function seeOther(
  response: ServerResponse,
  action: ServerActionInfo,
  location: string,
  cookie: string | null = null,
): ServerActionResult {
  if (cookie !== null) response.appendHeader('set-cookie', cookie);
  response.writeHead(303, { location });
  response.end();
  return { kind: 'redirect', status: 303, location, action };
}
