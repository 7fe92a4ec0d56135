/**
 * Puts the server-actions manifest into the server bundle's webpack runtime, so that the runtime finds
 * it without any file path: `__webpack_require__.serverActionsManifest`. It is generated after module
 * and chunk IDs are assigned, from the same entries as the emitted JSON.
 *
 * The keys that seal captured values go next to it (`__webpack_require__.serverActionsEncryptionKeys`):
 * the server bundle is the one output that may hold them, and only the compilations that build the
 * server layer get this module.
 */
import type { Compilation, RuntimeModule } from 'webpack';
import { KEYS_RUNTIME_PROPERTY, MANIFEST_RUNTIME_PROPERTY } from '../runtime/protocol';
import { collectServerFunctions, serverManifestCode } from './server-manifest';

export function createManifestRuntimeModule(compilation: Compilation, encryptionKeys: string[]): RuntimeModule {
  const { RuntimeModule: RuntimeModuleClass, RuntimeGlobals } = compilation.compiler.webpack;

  class ServerActionsManifestRuntimeModule extends RuntimeModuleClass {
    constructor() {
      super('server actions manifest');
    }

    override generate(): string {
      const entries = collectServerFunctions(compilation);
      const code = serverManifestCode(entries, RuntimeGlobals.require);
      return (
        `${RuntimeGlobals.require}.${MANIFEST_RUNTIME_PROPERTY} = ${code};\n` +
        `${RuntimeGlobals.require}.${KEYS_RUNTIME_PROPERTY} = ${JSON.stringify(encryptionKeys)};`
      );
    }
  }

  return new ServerActionsManifestRuntimeModule();
}
