/**
 * What the request helper's core (handle-action.ts) sees of a request and gives back as its answer,
 * whatever the server: Node's `IncomingMessage`/`ServerResponse` (handle-request.ts) or a Fetch API
 * `Request`/`Response` (handle-fetch.ts). Each adapter makes an `ActionRequest` of its request and
 * writes the `ActionAnswer` out its own way; the checks, limits, refusals, statuses, error codes,
 * request context and protocol live in the core alone.
 */

/** Response headers as name/value pairs: `set-cookie` comes once per cookie. Names in lower case. */
export type HeaderPairs = Array<[string, string]>;

export interface BodyLimits {
  /** Bytes. */
  size: number;
  /** Milliseconds for the whole body to arrive. */
  timeout: number;
}

/**
 * The body, read whole within the limits (a size counted as it streams in, a deadline for all of it),
 * or refused with a `ServerActionRequestError` (`too-large`, `timeout`, `bad-request` for a body that
 * ended early or a multipart body that does not parse). Read once.
 */
export interface BodySource {
  readText(limits: BodyLimits): Promise<string>;
  /** A multipart or URL-encoded body as FormData, its entries in the order they were sent. */
  readFormData(limits: BodyLimits): Promise<FormData>;
}

export interface ActionRequest<Native> {
  /** The server's own request object: what `renderRoot` and `getServerActionContext().request` get. */
  native: Native;
  method: string;
  /** The request target's path and query, as sent (`/notes?x=1`, or absolute-form for proxies). */
  target: string;
  /** A header, its repeated lines joined with `, `; `name` in lower case. */
  header(name: string): string | undefined;
  /** All headers as Fetch API Headers, made on demand (for `getServerActionContext()`). */
  headers(): Headers;
  /** The request reached this server over TLS, so its scheme is https (a plain one says nothing: TLS may end at a proxy). */
  encrypted: boolean;
  body: BodySource;
  /** Aborts when the client has gone away: nothing more is read or run for it. */
  signal?: AbortSignal;
  /**
   * Called once the Origin is allowed, before anything is read: throws to the app when something else
   * (a body parser) has read the body already.
   */
  assertBodyUnread?(): void;
}

/** The answer to a request the helper answers itself: its status, headers and body. */
export interface ActionAnswer<Flight> {
  status: number;
  headers: HeaderPairs;
  /** A short text (a refusal's message), nothing, or the Flight stream the adapter rendered. */
  body: string | null | { flight: Flight };
}
