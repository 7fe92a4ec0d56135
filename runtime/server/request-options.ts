/** The request helpers' options and results (handle-request.ts for Node, handle-fetch.ts for Fetch). */
import type { IncomingMessage } from 'node:http';
import type { ActionResponsePayload } from '../protocol';
import type { RefusalCode } from '../refusals';
import type { ActionAnswer, HeaderPairs } from './action-request';
import type { ClientManifest } from '../types';
import type { OriginPolicy } from './origin';

/** `Native`: the server's request, what `renderRoot` gets (Node's IncomingMessage, or a Fetch API Request). */
export interface HandleServerActionOptions<Native = IncomingMessage> extends OriginPolicy {
  /** The client manifest, to render return values that contain client components. */
  clientManifest?: ClientManifest;
  /** The largest request body accepted, in bytes (413 above it). Default: 1 MB. */
  bodySizeLimit?: number;
  /** Milliseconds the whole request body may take to arrive (408 after it). Default: 30 000. */
  bodyTimeout?: number;
  /** The most arguments a call may pass, bound ones included (400 above it). Default: 100. */
  maxArguments?: number;
  /**
   * React's `arraySizeLimit` for decoding a call's arguments: how much the arguments may expand to
   * (array slots, string characters, typed-array bytes, counted again for each reference; 400 above
   * it). Default: `bodySizeLimit`, so that only expansion through references is refused.
   */
  arraySizeLimit?: number;
  /**
   * Called with every error a server function throws, and with errors rendering its answer (such as
   * the `renderRoot` tree). Default: `console.error`.
   */
  onError?: (error: unknown) => void;
  /**
   * The server component tree to send back with the return value of a call (as `root`), rendered
   * after the function ran, so that the page shows new data without another request.
   */
  renderRoot?: (request: Native) => unknown;
  /**
   * Answer a form post that succeeded with `303 See Other` to the URL it was posted to, so that
   * reloading the page does not post again. `useActionState` state goes along in a sealed cookie and
   * comes back as the `formState` of that page's request. Default: false, the page is the POST's answer.
   */
  redirectAfterFormPost?: boolean;
}

/** The server function a request ran: its action ID, and its name from the manifest (for logs). */
export interface ServerActionInfo {
  id: string;
  name: string;
}

export type ServerActionResult =
  /**
   * Not a server-action request: handle it as usual. `formState` is what a form post redirected here
   * left for this page (with `redirectAfterFormPost`), or null.
   */
  | { kind: 'none'; formState: unknown }
  /**
   * Refused before any server function ran (see docs/protocol.md for each status and code): the
   * response has been sent.
   */
  | { kind: 'refused'; status: number; code: RefusalCode }
  /** A call from `callServer` ran (200, 500 when it threw, 204 when it redirected): the response has been sent. */
  | { kind: 'call'; status: number; action: ServerActionInfo }
  /** A form post answered with a redirect (`redirect()`, or `redirectAfterFormPost`): the response has been sent. */
  | { kind: 'redirect'; status: 303; location: string; action: ServerActionInfo }
  /**
   * A form post ran: render the page with this status, passing `formState` to React. When the server
   * function threw, `error` is what it threw (status 500): render the page in an error state.
   */
  | {
      kind: 'form';
      status: 200 | 500;
      returnValue: unknown;
      formState: unknown;
      error?: unknown;
      action: ServerActionInfo;
    };

/** The options with their defaults filled in. */
export interface RequestLimits {
  body: { size: number; timeout: number };
  maxArguments: number;
  arraySizeLimit: number;
}

/** What the core (handle-action.ts) made of a request, for its adapter to send. */
export interface ActionOutcome<Flight> {
  result: ServerActionResult;
  /** The answer, when the helper answers (a call, a redirect, a refusal); null: the app renders the page. */
  answer: ActionAnswer<Flight> | null;
  /**
   * With a null answer, the headers the page's answer must carry: the form-state cookie cleared, the
   * cookies and headers the server function set.
   */
  headers: HeaderPairs;
}

/** How an adapter renders a call's Flight answer (Node: a pipeable stream; Fetch: a ReadableStream). */
export type RenderFlight<Flight> = (payload: ActionResponsePayload, onError: (error: unknown) => void) => Flight;
