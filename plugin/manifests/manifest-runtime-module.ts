/**
 * Puts the server-actions manifest into the server bundle's webpack runtime, so that the runtime finds
 * it without any file path: `__webpack_require__.serverActionsManifest`. It is generated after module
 * and chunk IDs are assigned, from the same entries as the emitted JSON.
 *
 * The keys that seal captured values go next to it (`__webpack_require__.serverActionsEncryptionKeys`):
 * the server bundle is the one output that may hold them, so only a runtime whose chunks hold
 * server-layer modules gets this module. With `experiments.layers`, one compilation can build the SSR
 * entry next to the server entry: that runtime gets neither. Each runtime's manifest lists the server
 * functions in its own chunks only, since it can load no other module.
 */
import type { Chunk, Compilation, Module, RuntimeModule } from 'webpack';
import { KEYS_RUNTIME_PROPERTY, MANIFEST_RUNTIME_PROPERTY } from '../../runtime/protocol';
import { getModuleRecord } from '../../shared/module-record';
import { heldByChunks } from '../bundler/chunk-graph';
import { manifestRuntimeStage } from '../bundler/runtime-module-stage';
import type { ReusedText } from './reused-text';
import { collectServerFunctions, serverManifestCode, serverManifestFacts } from './server-manifest';

/** The modules in a runtime chunk and every chunk it can load, with those inside concatenated modules. */
function* runtimeModules(compilation: Compilation, runtimeChunk: Chunk): Generator<Module> {
  for (const chunk of runtimeChunk.getAllReferencedChunks()) {
    for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
      yield module;
      yield* (module as { modules?: Iterable<Module> }).modules ?? [];
    }
  }
}

/** Whether a runtime chunk runs server-layer code, and so serves server functions. */
export function runsServerLayer(compilation: Compilation, runtimeChunk: Chunk): boolean {
  for (const module of runtimeModules(compilation, runtimeChunk)) {
    if (getModuleRecord(module)?.layer === 'server') return true;
  }
  return false;
}

/**
 * `reusedCode` holds, per runtime chunk, the manifest's code from the compiler's last compilation: a
 * rebuild whose server functions, module IDs and chunks are the same generates the same text without
 * writing it again, and the module's hash (webpack hashes a runtime module by its text) stays the same.
 */
export function createManifestRuntimeModule(
  compilation: Compilation,
  encryptionKeys: string[],
  reusedCode: (runtimeChunk: Chunk) => ReusedText<string>,
): RuntimeModule {
  const { RuntimeModule: RuntimeModuleClass, RuntimeGlobals } = compilation.compiler.webpack;
  const stage = manifestRuntimeStage(compilation);

  class ServerActionsManifestRuntimeModule extends RuntimeModuleClass {
    constructor() {
      super('server actions manifest', stage);
    }

    override generate(): string {
      // The runtime's chunks are a few, the server functions fewer than the modules: ask of each
      // function whether one of the chunks holds its module, rather than walk every module.
      const loadable = heldByChunks(compilation, [...this.chunk!.getAllReferencedChunks()]);
      const entries = collectServerFunctions(compilation).filter((entry) => loadable(entry.module));
      const code = reusedCode(this.chunk!).get(serverManifestFacts(entries, false), () =>
        serverManifestCode(entries, RuntimeGlobals.require),
      );
      return (
        `${RuntimeGlobals.require}.${MANIFEST_RUNTIME_PROPERTY} = ${code};\n` +
        `${RuntimeGlobals.require}.${KEYS_RUNTIME_PROPERTY} = ${JSON.stringify(encryptionKeys)};`
      );
    }
  }

  return new ServerActionsManifestRuntimeModule();
}
