/**
 * A form posted before hydration or without JavaScript: React's decodeAction finds the action in the
 * `$ACTION_` fields, runs it with the rest of the form, and decodeFormState gives useActionState its
 * state. The action the form names is checked first, exactly as decodeAction will read it.
 */
import { decodeAction, decodeFormState, decodeReply } from 'react-server-dom-webpack/server';
import { requireKnownAction } from './action-info';
import type { ActionRequest, HeaderPairs } from './action-request';
import { CapturedValuesRejectedError, ServerActionRedirect, ServerActionRequestError } from './errors';
import { formStateCookie, samePageLocation } from './form-state-cookie';
import { getServerActionsManifest } from './manifest';
import type { ActionOutcome, HandleServerActionOptions, RequestLimits, ServerActionInfo } from './request-options';
import type { ResponseShape } from './response-shape';
import { beforeDeadline, settleArguments, type Deadline } from './settle-arguments';

export async function handleForm(
  request: ActionRequest<unknown>,
  limits: RequestLimits,
  options: HandleServerActionOptions<never>,
  report: (error: unknown) => void,
  shape: ResponseShape,
): Promise<ActionOutcome<never>> {
  const deadline = Date.now() + limits.body.timeout;
  const formData = await request.body.readFormData(limits.body);
  const keys = actionKeys(formData);
  const named = formAction(formData, keys);
  if (named === null) return { result: { kind: 'none', formState: null }, answer: null, headers: [] };
  const action = requireKnownAction(named.id).info;
  if (named.boundPrefix !== undefined) await checkBoundArguments(formData, named.boundPrefix, limits, deadline);
  // decodeFormState reads a binding of its own after the function ran: one that cannot settle is
  // refused before, not left to fail or hang the answer.
  const stateBinding = formStateBinding(keys);
  if (stateBinding !== null && stateBinding !== named.boundPrefix) await checkBoundArguments(formData, stateBinding, limits, deadline);
  const manifest = getServerActionsManifest();
  let run: () => Promise<unknown>;
  try {
    run = await beforeDeadline(decodeAction(formData, manifest)!, deadline);
  } catch {
    throw new ServerActionRequestError('bad-request', "The form's server-function fields could not be decoded.");
  }
  // The client went away while its body arrived: the function does not run for nobody.
  request.signal?.throwIfAborted();
  let returnValue: unknown;
  try {
    returnValue = await run();
  } catch (error) {
    if (error instanceof CapturedValuesRejectedError) throw new ServerActionRequestError('bad-request', error.message);
    if (error instanceof ServerActionRedirect) return seeOther(action, error.location, shape.take());
    report(error);
    // The app renders the page: what the function set goes on it.
    return { result: { kind: 'form', status: 500, returnValue: undefined, formState: null, error, action }, answer: null, headers: shape.take() };
  }
  const formState = await decodeFormState(returnValue, formData, manifest);
  if (options.redirectAfterFormPost) {
    // Back to the page the form was posted to, by GET, with the state (if any) in a cookie.
    const target = samePageLocation(request.target);
    const cookie = formState === null ? null : await formStateCookie(request, formState, target);
    if (formState === null || cookie !== null) {
      const headers = shape.take();
      if (cookie !== null) headers.push(['set-cookie', cookie]);
      return seeOther(action, target, headers);
    }
  }
  return { result: { kind: 'form', status: 200, returnValue, formState, action }, answer: null, headers: shape.take() };
}

/** What decodeAction and decodeFormState read of a form's keys, found in one pass over its fields. */
interface ActionKeys {
  /** The last `$ACTION_ID_<id>` or `$ACTION_REF_<n>` key: the action decodeAction runs. */
  action: string | null;
  /** The last `$ACTION_REF_<n>` key. */
  ref: string | null;
  /** The first `$ACTION_KEY` field is a string (what decodeFormState reads with `get`). */
  stateKey: boolean;
}

function actionKeys(formData: FormData): ActionKeys {
  const keys: ActionKeys = { action: null, ref: null, stateKey: false };
  let seenStateKey = false;
  for (const [key, value] of formData) {
    if (!key.startsWith('$ACTION_')) continue;
    if (key.startsWith('$ACTION_REF_')) keys.action = keys.ref = key;
    else if (key.startsWith('$ACTION_ID_')) keys.action = key;
    else if (key === '$ACTION_KEY' && !seenStateKey) {
      seenStateKey = true;
      keys.stateKey = typeof value === 'string';
    }
  }
  return keys;
}

/**
 * The action a form names, read as decodeAction reads it: the LAST `$ACTION_ID_<id>` or
 * `$ACTION_REF_<n>` field wins (a check of the first would let a later field through). A bound
 * action's ID is in the JSON of its `$ACTION_<n>:0` field, and its bound arguments in the fields
 * under that prefix. Null when the form names no action; a 400 when it names one unreadably.
 */
function formAction(formData: FormData, keys: ActionKeys): { id: string; boundPrefix?: string } | null {
  const actionKey = keys.action;
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
 * The `$ACTION_<p>:` prefix of the binding decodeFormState reads (the last `$ACTION_REF_` field, when
 * the form has a string `$ACTION_KEY`), or null when it reads none.
 */
function formStateBinding(keys: ActionKeys): string | null {
  if (!keys.stateKey || keys.ref === null) return null;
  return `$ACTION_${keys.ref.slice('$ACTION_REF_'.length)}:`;
}

/**
 * decodeAction takes no limits (React caps bound arguments at 1 000, arrays at a million slots) and
 * waits for whatever the bound arguments hold: they are decoded first as a reply under the helper's
 * limits, settled by the request's deadline (settle-arguments.ts), and counted with the form data the
 * action is called with.
 */
async function checkBoundArguments(formData: FormData, boundPrefix: string, limits: RequestLimits, deadline: Deadline): Promise<void> {
  const reply = new FormData();
  for (const [key, value] of formData) if (key.startsWith(boundPrefix)) reply.append(key.slice(boundPrefix.length), value);
  let bound: unknown;
  try {
    const decoded = decodeReply<{ bound?: unknown }>(reply, getServerActionsManifest(), { arraySizeLimit: limits.arraySizeLimit });
    const metadata = await beforeDeadline(decoded, deadline);
    // A promise React's decoder made for the `$@` reference, not a thenable from the request.
    bound = await beforeDeadline(metadata.bound, deadline);
  } catch {
    throw malformedBinding();
  }
  if (bound === null || bound === undefined) return;
  if (!Array.isArray(bound)) throw malformedBinding();
  if (bound.length + 1 > limits.maxArguments) {
    throw new ServerActionRequestError('bad-request', `A call passes at most ${limits.maxArguments} arguments.`);
  }
  // decodeAction decodes the fields again for the function: what is read here is not used up there.
  if ((await settleArguments(bound, deadline)) === 'unsettled') throw malformedBinding();
}

function malformedBinding(): ServerActionRequestError {
  return new ServerActionRequestError('bad-request', "The form's bound action is malformed.");
}

function seeOther(action: ServerActionInfo, location: string, headers: HeaderPairs): ActionOutcome<never> {
  return {
    result: { kind: 'redirect', status: 303, location, action },
    answer: { status: 303, headers: [...headers, ['location', location]], body: null },
    headers: [],
  };
}
