// react-server-dom-webpack ships no TypeScript types: the one function rsc.tsx uses.
declare module 'react-server-dom-webpack/server' {
  export function renderToPipeableStream(
    model: unknown,
    clientManifest: unknown,
    options?: { onError?: (error: unknown) => void },
  ): { pipe<T extends NodeJS.WritableStream>(destination: T): T; abort(reason?: unknown): void };
}
