/**
 * The server-actions manifest that the plugin puts into the server bundle's webpack runtime, handed
 * out behind a guard for React's decode functions.
 *
 * React resolves an ID it does not find by splitting it at its last `#` and reading export `<name>`
 * of the entry `<key>` ("the `#` fallback"). Every entry points at a "use server" module, whose exports
 * are all server functions, but the module object itself (`#*`) or its `__esModule` flag would still
 * reach a server function as an argument. Action IDs never contain `#`, so the guard answers a lookup
 * of the part before `#` that immediately follows a missed `<key>#<name>` lookup with nothing. It also
 * answers only own keys, so `constructor` or `__proto__` never resolve to Object's members.
 */
import { MANIFEST_RUNTIME_PROPERTY } from '../protocol';
import type { ServerActionsManifest, ServerManifestEntry } from '../types';
import { ServerActionsManifestMissingError } from './errors';
import { serverBundleRequire } from './webpack-globals';

export type { ServerActionsManifest, ServerManifestEntry };

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

let guarded: { manifest: ServerActionsManifest; view: ServerActionsManifest } | undefined;

function guard(manifest: ServerActionsManifest): ServerActionsManifest {
  let deniedFallback: string | null = null;
  return new Proxy(manifest, {
    get(target, key) {
      if (typeof key !== 'string') return Reflect.get(target, key);
      const fallback = deniedFallback;
      deniedFallback = null;
      if (!hasOwn(target, key)) {
        const hash = key.lastIndexOf('#');
        if (hash !== -1) deniedFallback = key.slice(0, hash);
        return undefined;
      }
      return key === fallback ? undefined : target[key];
    },
  });
}

/** The raw manifest of this bundle, as emitted in server-actions-manifest.json. */
export function readServerActionsManifest(): ServerActionsManifest {
  // Put there by the plugin's runtime module.
  const manifest = serverBundleRequire()?.[MANIFEST_RUNTIME_PROPERTY];
  if (!manifest) throw new ServerActionsManifestMissingError();
  return manifest;
}

/** The manifest as React's decodeReply, decodeAction and decodeFormState take it, behind the guard. */
export function getServerActionsManifest(): ServerActionsManifest {
  const manifest = readServerActionsManifest();
  if (guarded?.manifest !== manifest) guarded = { manifest, view: guard(manifest) };
  return guarded.view;
}
