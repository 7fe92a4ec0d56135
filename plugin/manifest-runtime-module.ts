/**
 * Puts the server-actions manifest into the server bundle's webpack runtime, so that the runtime finds
 * it without any file path: `__webpack_require__.serverActionsManifest`. It is generated after module
 * and chunk IDs are assigned, from the same entries as the emitted JSON.
 */
import type { Compilation, RuntimeModule } from 'webpack';
import { MANIFEST_RUNTIME_PROPERTY } from '../runtime/protocol';
import { collectServerFunctions, serverManifestCode } from './server-manifest';

export function createManifestRuntimeModule(compilation: Compilation): RuntimeModule {
  const { RuntimeModule: RuntimeModuleClass, RuntimeGlobals } = compilation.compiler.webpack;

  class ServerActionsManifestRuntimeModule extends RuntimeModuleClass {
    constructor() {
      super('server actions manifest');
    }

    override generate(): string {
      const entries = collectServerFunctions(compilation);
      const code = serverManifestCode(entries, RuntimeGlobals.require);
      return `${RuntimeGlobals.require}.${MANIFEST_RUNTIME_PROPERTY} = ${code};`;
    }
  }

  return new ServerActionsManifestRuntimeModule();
}
