/** The server-actions manifest that the plugin puts into the server bundle's webpack runtime. */
import type { ServerManifest } from 'react-server-dom-webpack/server';
import { ServerActionsManifestMissingError } from './errors';

declare const __webpack_require__: (((id: string | number) => unknown) & { serverActionsManifest?: ServerManifest }) | undefined;

export type ServerActionsManifest = ServerManifest;

/** The manifest as React's decodeReply, decodeAction and decodeFormState take it. */
export function getServerActionsManifest(): ServerActionsManifest {
  // `__webpack_require__` is webpack's own runtime; this property is the plugin's runtime module.
  const manifest = typeof __webpack_require__ === 'function' ? __webpack_require__.serverActionsManifest : undefined;
  if (!manifest) throw new ServerActionsManifestMissingError();
  return manifest;
}
