/** Typed errors of the server runtime: an app branches on `code`, never on message text. */
import { REFUSALS, type RefusalCode, type RefusalErrorCode } from '../refusals';

/**
 * A refusal of client input is made for every bad request, so it is made without a stack: capturing
 * one is most of its cost (about 3 µs of 3.2 for an unknown ID, see docs/benchmarks.md) and it would
 * only ever point at the request helper. `stack` is then the first line alone (`Name: message`).
 * These bracket the `super()` call of such an error (a string message: nothing in between can throw).
 */
function stopStackCapture(): number {
  const limit = Error.stackTraceLimit;
  setStackTraceLimit(0);
  return limit;
}

function restoreStackCapture(limit: number): void {
  setStackTraceLimit(limit);
}

function setStackTraceLimit(limit: number): void {
  try {
    Error.stackTraceLimit = limit;
  } catch {
    // A frozen `Error` (a hardened realm): the error keeps its stack.
  }
}

/** No server function under this ID (made without a stack, see stopStackCapture). */
export class ServerActionNotFoundError extends Error {
  readonly code = 'ERR_SERVER_ACTION_NOT_FOUND';
  constructor() {
    const limit = stopStackCapture();
    // The ID is client input: it is not echoed, so logs never carry it unbounded.
    super('No server function is registered under the requested action ID.');
    restoreStackCapture(limit);
    this.name = 'ServerActionNotFoundError';
  }
}

/**
 * A request the request helper refuses before any server function runs. It is made from its refusal
 * code alone (`new ServerActionRequestError('too-large', message)`): `reason` is that code, the
 * `x-server-action-error` the helper answers with; `status` and `code` (`ERR_SERVER_ACTION_TOO_LARGE`)
 * come from the table in refusals.ts. Every refusal is an instance of this class. The message never
 * quotes the request. Made without a stack (see stopStackCapture): it is the answer to a request, not
 * a fault of the server's code.
 */
export class ServerActionRequestError extends Error {
  readonly reason: RefusalCode;
  readonly status: number;
  readonly code: RefusalErrorCode;
  constructor(reason: RefusalCode, message: string) {
    const limit = stopStackCapture();
    super(message);
    restoreStackCapture(limit);
    // The constructor once took (message, status, reason): such a call names no refusal.
    if (!Object.prototype.hasOwnProperty.call(REFUSALS, reason)) {
      throw new TypeError(`ServerActionRequestError takes (reason, message); reason is one of ${Object.keys(REFUSALS).join(', ')}.`);
    }
    this.name = 'ServerActionRequestError';
    this.reason = reason;
    this.status = REFUSALS[reason].status;
    this.code = REFUSALS[reason].errorCode;
  }
}

/**
 * `getServerActionRequest()` (or the context, cookie and header functions) called outside a server
 * function that a request helper runs.
 */
export class ServerActionContextError extends Error {
  readonly code = 'ERR_SERVER_ACTION_NO_REQUEST';
  constructor(
    message = 'getServerActionRequest() is only available while the request helper (handleServerActionRequest) runs a ' +
      'server function, or renders its answer.',
  ) {
    super(message);
    this.name = 'ServerActionContextError';
  }
}

export class ServerActionsManifestMissingError extends Error {
  readonly code = 'ERR_SERVER_ACTIONS_MANIFEST_MISSING';
  constructor() {
    super(
      'webpack-server-actions: no server-actions manifest in this bundle. Import "webpack-server-actions/runtime" ' +
        'from code that webpack bundles in the server layer of a compiler that has ServerActionsPlugin.',
    );
    this.name = 'ServerActionsManifestMissingError';
  }
}

/**
 * The captured values that came back with a call could not be opened: tampered with, truncated,
 * sealed for another server function or under a key this server does not have, or missing. The
 * function's body has not run. The request helper answers 400.
 */
export class CapturedValuesRejectedError extends Error {
  readonly code = 'ERR_SERVER_ACTION_CAPTURED_VALUES';
  constructor() {
    super('The captured values sent with this server-function call were rejected: they are not what the server sealed for it.');
    this.name = 'CapturedValuesRejectedError';
  }
}

/** A server function captures a value that React cannot send to the browser (rendering fails). */
export class CapturedValueNotSerializableError extends Error {
  readonly code = 'ERR_SERVER_ACTION_CAPTURE_NOT_SERIALIZABLE';
  constructor(functionName: string, variable: string, reason: string) {
    super(
      `Server function "${functionName}" captures \`${variable}\`, which React cannot send to the browser: ${reason}\n` +
        'Captured values travel with the reference (encrypted); capture plain data (strings, numbers, arrays, ' +
        'objects, Dates, Maps, server functions) and load the rest inside the function.',
    );
    this.name = 'CapturedValueNotSerializableError';
  }
}

/** No usable key to seal captured values with (see "Encryption keys" in docs/how-it-works.md). */
export class ServerActionsKeyError extends Error {
  readonly code = 'ERR_SERVER_ACTIONS_KEY';
  constructor(message: string) {
    super(`webpack-server-actions: ${message}`);
    this.name = 'ServerActionsKeyError';
  }
}

/**
 * Thrown by `redirect(location)` inside a server function, and answered by the request helper: a call
 * from `callServer` gets the location to navigate to, a form post `303 See Other`. Let it propagate:
 * a `catch` around the `redirect()` call would swallow it.
 */
export class ServerActionRedirect extends Error {
  readonly code = 'ERR_SERVER_ACTION_REDIRECT';
  constructor(readonly location: string) {
    super(`A server function redirects to ${location}; only the request helper can answer this.`);
    this.name = 'ServerActionRedirect';
  }
}

/**
 * An export of a "use server" file whose value, once the module ran, is not a function (an action
 * wrapper that returned something else, say). Thrown while the module is evaluated, so the server
 * stops at the first import of the file rather than answering calls to it.
 */
export class ServerExportNotAFunctionError extends TypeError {
  readonly code = 'ERR_SERVER_ACTION_EXPORT_NOT_A_FUNCTION';
  constructor(
    readonly file: string,
    readonly exportName: string,
    received: string,
  ) {
    super(
      `${file}: the export \`${exportName}\` of this "use server" file is ${received}, not a function. ` +
        'Every export of a "use server" file must be a server function: an async function, or the function an action wrapper returns.',
    );
    this.name = 'ServerExportNotAFunctionError';
  }
}

/**
 * `setCookie()`, `deleteCookie()` or `setResponseHeader()` called once the answer has started: while
 * React renders a call's answer (the `renderRoot` tree, a part resumed after Suspense) or the page
 * after a form post. Headers go out before the body: set them in the server function itself.
 */
export class ResponseStartedError extends Error {
  readonly code = 'ERR_SERVER_ACTION_RESPONSE_STARTED';
  constructor(what: string) {
    super(
      `${what} was called after the answer started: headers and cookies are sent before the body. ` +
        'Call it in the server function itself, before it returns, not while its answer or the page renders.',
    );
    this.name = 'ResponseStartedError';
  }
}

/**
 * A cookie or header that cannot be sent as given: a name that is not an HTTP token, a value with
 * characters a cookie or header cannot carry (CR and LF among them, which would start a header of the
 * client's choosing), or an attribute out of range. Nothing was set.
 */
export class InvalidResponseFieldError extends TypeError {
  readonly code = 'ERR_SERVER_ACTION_INVALID_RESPONSE_FIELD';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidResponseFieldError';
  }
}
