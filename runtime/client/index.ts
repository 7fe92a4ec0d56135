/**
 * webpack-server-actions/client: the browser side. `callServer` is what the loader's server-function
 * proxies call unless the loader's `callServer` option names another module.
 */
import { createFromFetch, encodeReply } from 'react-server-dom-webpack/client';
import {
  ACTION_ERROR_HEADER,
  ACTION_ID_HEADER,
  FLIGHT_CONTENT_TYPE,
  type ActionErrorCode,
  type ActionResponsePayload,
} from '../protocol';

export type ServerActionErrorCode = ActionErrorCode | 'network';

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

/** Calls the server function `id` with `args` and resolves with what it returns. */
export async function callServer<T = unknown>(id: string, args: unknown[]): Promise<T> {
  const body = await encodeReply(args);
  let response: Response;
  try {
    response = await fetch(window.location.href, {
      method: 'POST',
      headers: { Accept: FLIGHT_CONTENT_TYPE, [ACTION_ID_HEADER]: id },
      body,
    });
  } catch (error) {
    throw new ServerActionError('network', `The server function could not be reached: ${String(error)}`);
  }
  const errorCode = response.headers.get(ACTION_ERROR_HEADER) as ActionErrorCode | null;
  if (errorCode) {
    const message =
      errorCode === 'not-found'
        ? 'The server does not know this server function (the page may be older than the server): reload the page.'
        : `The server refused the call (${response.status}).`;
    throw new ServerActionError(errorCode, message, response.status);
  }
  if (!(response.headers.get('content-type') ?? '').startsWith(FLIGHT_CONTENT_TYPE)) {
    throw new ServerActionError('failed', `The server answered ${response.status} without a server-function result.`, response.status);
  }
  const payload = await createFromFetch<ActionResponsePayload<T>>(Promise.resolve(response), { callServer });
  return payload.returnValue;
}
