/**
 * webpack-server-actions/client: the browser side. `callServer` is what the loader's server-function
 * proxies call unless the loader's `callServer` option names another module; `createCallServer` makes
 * one that also hands the app the re-rendered tree, or navigates its own way after a redirect. In an
 * app hydrated by webpack-server-actions/browser, both show the new tree and navigate in place.
 */
import { createFromFetch, encodeReply } from 'react-server-dom-webpack/client';
import {
  ACTION_ERROR_HEADER,
  ACTION_ID_HEADER,
  ACTION_REDIRECT_HEADER,
  FLIGHT_CONTENT_TYPE,
  type ActionResponsePayload,
} from '../protocol';
import { connectedApp } from './app-connection';
// Only the type: the table itself stays out of the browser's bundle.
import type { RefusalCode } from '../refusals';

/**
 * A refusal's `x-server-action-error` code, with the status the table in refusals.ts gives it;
 * `failed` for an answer that is not a server function's; `network` for no answer.
 */
export type ServerActionErrorCode = RefusalCode | 'failed' | 'network';

/** A call that did not reach a server function, or whose answer could not be read. */
export class ServerActionError extends Error {
  constructor(
    readonly code: ServerActionErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ServerActionError';
  }
}

export type CallServer = <T = unknown>(id: string, args: unknown[]) => Promise<T>;

export interface CallServerOptions {
  /**
   * Called with the server component tree the server sent back with a return value (when its request
   * helper has `renderRoot`), before the call resolves: show it, inside `startTransition`. Default:
   * the app hydrated by webpack-server-actions/browser shows it.
   */
  onRoot?: (root: unknown) => void;
  /**
   * Called when the server function redirected; the call then resolves with undefined. Default: the
   * app hydrated by webpack-server-actions/browser goes to the page in place (the call resolves once
   * it shows); without one, a full navigation (`location.assign`), and the call never settles, as the
   * page is going away.
   */
  onRedirect?: (location: string) => void;
  /** Give up on a call that has not been answered after this many milliseconds (a `network` error). */
  timeout?: number;
}

export function createCallServer(options: CallServerOptions = {}): CallServer {
  async function call<T>(id: string, args: unknown[]): Promise<T> {
    const showRoot = options.onRoot ?? connectedApp()?.startRender();
    const body = await encodeReply(args);
    let response: Response;
    try {
      response = await fetch(window.location.href, {
        method: 'POST',
        headers: { Accept: FLIGHT_CONTENT_TYPE, [ACTION_ID_HEADER]: id },
        body,
        signal: options.timeout === undefined ? undefined : AbortSignal.timeout(options.timeout),
      });
    } catch (error) {
      throw new ServerActionError('network', `The server function could not be reached: ${String(error)}`);
    }
    const location = response.headers.get(ACTION_REDIRECT_HEADER);
    if (location !== null) return redirectTo(location) as T;
    const errorCode = response.headers.get(ACTION_ERROR_HEADER) as RefusalCode | null;
    if (errorCode) {
      if (errorCode === 'not-found') connectedApp()?.stale(id);
      throw new ServerActionError(errorCode, refusalMessage(errorCode, response.status), response.status);
    }
    if (!(response.headers.get('content-type') ?? '').startsWith(FLIGHT_CONTENT_TYPE)) {
      throw new ServerActionError('failed', `The server answered ${response.status} without a server-function result.`, response.status);
    }
    const payload = await createFromFetch<ActionResponsePayload<T>>(Promise.resolve(response), { callServer: call });
    if ('root' in payload) showRoot?.(payload.root);
    return payload.returnValue;
  }

  async function redirectTo(location: string): Promise<undefined> {
    if (options.onRedirect) {
      options.onRedirect(location);
      return undefined;
    }
    const app = connectedApp();
    if (app) {
      await app.navigate(location);
      return undefined;
    }
    window.location.assign(location);
    return new Promise<never>(() => {});
  }

  return call;
}

function refusalMessage(code: RefusalCode, status: number): string {
  switch (code) {
    case 'not-found':
      return 'The server does not know this server function (the page may be older than the server): reload the page.';
    case 'forbidden':
      return 'The server refused a call from this origin (see allowedOrigins and trustProxy).';
    case 'too-large':
      return 'The arguments are larger than the server accepts (bodySizeLimit).';
    default:
      return `The server refused the call (${status} ${code}).`;
  }
}

/** Calls the server function `id` with `args` and resolves with what it returns. */
export const callServer: CallServer = createCallServer();
