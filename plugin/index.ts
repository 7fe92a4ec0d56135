/**
 * ServerActionsPlugin: wires the hooks. One instance is shared by every compiler of a build (browser,
 * SSR, server), so that it can coordinate them; each concern lives in its own module.
 */
import { createHash } from 'node:crypto';
import type { Compilation, Compiler } from 'webpack';
import { getModuleRecord, setLoaderHandshake, type LoaderHandshake } from '../shared/module-record';
import { addError } from './build-problems';
import { BuildCoordinator } from './coordination/build-coordinator';
import { assignModuleIds } from './loaded-by-id/module-ids';
import type { CompilationSnapshot } from './coordination/compilation-snapshot';
import { emitManifests } from './manifests/emit-manifests';
import { GeneratedKey } from './generated-key';
import { keepReferencedExports, markNamedExports } from './loaded-by-id/keep-exports';
import { createManifestRuntimeModule, runsServerLayer } from './manifests/manifest-runtime-module';
import { normalizePluginOptions, type NormalizedPluginOptions, type ServerActionsPluginOptions } from './options';
import { checkServerFunctionsPresent } from './checks/server-functions-present';
import { reportStalePeers, settleModuleGraphs } from './coordination/settle-module-graphs';
import { checkSetup } from './checks/setup-checks';

export type { ServerActionsPluginOptions } from './options';
export type { LoaderOptions } from '../loader/options';

const PLUGIN_NAME = 'ServerActionsPlugin';

export class ServerActionsPlugin {
  /** The resolved path of the loader, for `module.rules[].loader`. */
  static readonly loader: string = require.resolve('../loader');
  readonly loader: string = ServerActionsPlugin.loader;

  private readonly options: NormalizedPluginOptions;
  private readonly coordinator = new BuildCoordinator();
  private readonly snapshots = new WeakMap<Compilation, CompilationSnapshot>();
  private readonly invalidated = new WeakMap<Compiler, string>();
  private readonly generatedKey = new GeneratedKey();

  constructor(options: ServerActionsPluginOptions = {}) {
    this.options = normalizePluginOptions(options);
  }

  apply(compiler: Compiler): void {
    this.coordinator.register(compiler);
    const handshake = this.handshake(compiler);
    const { NormalModule } = compiler.webpack;
    const starting = () => this.coordinator.starting(compiler);
    const stopped = () => this.coordinator.stopped(compiler);
    compiler.hooks.beforeRun.tap(PLUGIN_NAME, starting);
    compiler.hooks.watchRun.tap(PLUGIN_NAME, starting);
    compiler.hooks.done.tap(PLUGIN_NAME, stopped);
    compiler.hooks.failed.tap(PLUGIN_NAME, stopped);
    compiler.hooks.watchClose.tap(PLUGIN_NAME, stopped);
    compiler.hooks.beforeCompile.tapPromise(PLUGIN_NAME, async () => {
      if (this.options.encryptionKeys.length === 0) await this.generatedKey.prepare(compiler, PLUGIN_NAME);
    });

    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      const moduleHooks = NormalModule.getCompilationHooks(compilation);
      moduleHooks.loader.tap(PLUGIN_NAME, (loaderContext) => setLoaderHandshake(loaderContext, handshake));
      // A module cached under other IDs settings (root, salt) is built again.
      moduleHooks.needBuild.tap(PLUGIN_NAME, (module) => {
        const record = getModuleRecord(module);
        return record !== undefined && record.fingerprint !== handshake.fingerprint;
      });
      // Before and after webpack's FlagDependencyUsagePlugin (stage 0): see keep-exports.ts.
      compilation.hooks.optimizeDependencies.tap({ name: PLUGIN_NAME, stage: -100 }, () => {
        markNamedExports(compilation);
      });
      compilation.hooks.optimizeDependencies.tap({ name: PLUGIN_NAME, stage: 100 }, () => {
        keepReferencedExports(compilation);
      });
      compilation.hooks.beforeModuleIds.tap(PLUGIN_NAME, () => assignModuleIds(compilation, this.options.salt));
      compilation.hooks.additionalTreeRuntimeRequirements.tap(PLUGIN_NAME, (chunk, requirements) => {
        if (!this.snapshots.get(compilation)?.layers.has('server') || !runsServerLayer(compilation, chunk)) return;
        if (chunk.getAllAsyncChunks().size > 0) requirements.add(compiler.webpack.RuntimeGlobals.getChunkScriptFilename);
        compilation.addRuntimeModule(chunk, createManifestRuntimeModule(compilation, this.encryptionKeys()));
      });
      compilation.hooks.processAssets.tap(
        { name: PLUGIN_NAME, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const self = this.snapshots.get(compilation);
          if (!self) return;
          const others = this.coordinator.others(compiler).map((other) => other.snapshot);
          emitManifests(compilation, this.options, self, [self, ...others]);
        },
      );
    });

    compiler.hooks.finishMake.tapPromise(PLUGIN_NAME, async (compilation) => {
      if (compilation.compiler !== compiler) return; // a child compilation
      const snapshot = await settleModuleGraphs(this.coordinator, compiler, compilation);
      this.snapshots.set(compilation, snapshot);
      const others = this.coordinator.others(compiler).map((other) => other.snapshot);
      checkServerFunctionsPresent(compilation, snapshot, [snapshot, ...others]);
      reportStalePeers(this.coordinator, compiler, compilation, snapshot, this.invalidated);
      checkSetup(this.coordinator, compiler, compilation, snapshot);
      this.checkSameRoot(compilation);
    });
  }

  /** The configured keys, or the generated one (see generated-key.ts). */
  private encryptionKeys(): string[] {
    return this.options.encryptionKeys.length > 0 ? this.options.encryptionKeys : [this.generatedKey.current];
  }

  private root(compiler: Compiler): string {
    return this.options.root ?? compiler.context;
  }

  private handshake(compiler: Compiler): LoaderHandshake {
    const root = this.root(compiler);
    const fingerprint = createHash('sha256').update(JSON.stringify([root, this.options.salt])).digest('hex').slice(0, 16);
    return { root, salt: this.options.salt, fingerprint };
  }

  private checkSameRoot(compilation: Compilation): void {
    const roots = new Set(this.coordinator.compilers.map((compiler) => this.root(compiler)));
    if (roots.size <= 1) return;
    addError(
      compilation,
      'the compilers sharing this ServerActionsPlugin have different `context` ' +
        'directories, so their action IDs would not match. Set the plugin option `root` to the app directory.',
    );
  }
}

export default ServerActionsPlugin;
