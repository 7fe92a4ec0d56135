// The parts of react-server-dom-webpack's API this package uses (the package ships no types).
declare module 'react-server-dom-webpack/server' {
  import type { Writable } from 'node:stream';
  export type ServerManifest = Record<
    string,
    { id: string | number; chunks: Array<string | number>; name: string; async?: boolean }
  >;
  export type ClientManifest = Record<string, { id: string | number; chunks: Array<string | number>; name: string }>;
  export interface TemporaryReferenceSet {}
  export function registerServerReference<T extends Function>(fn: T, id: string, exportName: string | null): T;
  export function registerClientReference<T>(proxy: T, id: string, exportName: string): T;
  export function decodeReply<T = unknown[]>(
    body: string | FormData,
    manifest: ServerManifest,
    options?: { temporaryReferences?: TemporaryReferenceSet; arraySizeLimit?: number },
  ): Promise<T>;
  export function decodeReplyFromBusboy<T = unknown[]>(
    busboy: NodeJS.WritableStream,
    manifest: ServerManifest,
    options?: { temporaryReferences?: TemporaryReferenceSet; arraySizeLimit?: number },
  ): Promise<T>;
  export function decodeAction(body: FormData, manifest: ServerManifest): Promise<() => Promise<unknown>> | null;
  export function decodeFormState(result: unknown, body: FormData, manifest: ServerManifest): Promise<unknown>;
  export function createTemporaryReferenceSet(): TemporaryReferenceSet;
  export function renderToPipeableStream(
    model: unknown,
    clientManifest: ClientManifest,
    options?: { onError?: (error: unknown) => string | void; temporaryReferences?: TemporaryReferenceSet },
  ): { pipe<T extends Writable>(destination: T): T; abort(reason?: unknown): void };
  export function renderToReadableStream(
    model: unknown,
    clientManifest: ClientManifest,
    options?: { onError?: (error: unknown) => string | void; signal?: AbortSignal },
  ): ReadableStream<Uint8Array>;
}

declare module 'react-server-dom-webpack/client' {
  export type CallServer = (id: string, args: unknown[]) => Promise<unknown>;
  export function createServerReference<T extends Function>(id: string, callServer: CallServer): T;
  export function encodeReply(value: unknown, options?: { temporaryReferences?: unknown; signal?: AbortSignal }): Promise<string | FormData>;
  export function createFromFetch<T>(response: Promise<Response>, options?: { callServer?: CallServer; temporaryReferences?: unknown }): Promise<T>;
  export function createFromReadableStream<T>(
    stream: ReadableStream,
    options?: {
      callServer?: CallServer;
      serverConsumerManifest?: { moduleMap: object; serverModuleMap: object | null; moduleLoading: object | null };
    },
  ): Promise<T>;
  export function createTemporaryReferenceSet(): unknown;
  export function createFromNodeStream<T>(
    stream: NodeJS.ReadableStream,
    serverConsumerManifest: object,
    options?: { nonce?: string },
  ): Promise<T>;
}
