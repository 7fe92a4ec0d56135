/**
 * What one compilation offers and asks of the others, read from the records the loader left on
 * `module.buildInfo` (so a build restored from the persistent cache reads the same).
 */
import type { Compilation, NormalModule } from 'webpack';
import { getModuleRecord, type Layer, type ModuleRecord } from '../shared/module-record';

/**
 * Records by resource (query included): the request that builds the module again elsewhere. Only
 * plain data, so that a snapshot kept for the next watch rebuild holds on to no module.
 */
export type RecordsByResource = Map<string, ModuleRecord>;

export interface CompilationSnapshot {
  compilerName: string;
  /** Each layer the compilation builds, with the webpack layer (`experiments.layers`) it lives in. */
  layers: Map<Layer, string | null>;
  /** "use server" modules built for the server layer: what the server provides. */
  serverFunctionModules: RecordsByResource;
  /** Server-layer modules with inline server functions: each needs its facade in the build. */
  inlineServerFunctionModules: RecordsByResource;
  /** "use server" modules built for a client layer: server functions that clients call. */
  serverFunctionReferences: RecordsByResource;
  /** "use client" modules built for the server layer: client components the server renders. */
  clientComponentReferences: RecordsByResource;
  /** "use client" modules built per client layer. */
  clientComponentModules: Map<Layer, RecordsByResource>;
  publicPath: string;
}

export function takeSnapshot(compilation: Compilation): CompilationSnapshot {
  const snapshot: CompilationSnapshot = {
    compilerName: compilation.compiler.name ?? '(unnamed compiler)',
    layers: new Map(),
    serverFunctionModules: new Map(),
    inlineServerFunctionModules: new Map(),
    serverFunctionReferences: new Map(),
    clientComponentReferences: new Map(),
    clientComponentModules: new Map(),
    publicPath: typeof compilation.outputOptions.publicPath === 'string' ? compilation.outputOptions.publicPath : '',
  };
  for (const module of compilation.modules) {
    const record = getModuleRecord(module);
    if (!record) continue;
    if (!snapshot.layers.has(record.layer)) snapshot.layers.set(record.layer, module.layer ?? null);
    const resource = (module as NormalModule).resource;
    if (record.inlineServerFunctions) snapshot.inlineServerFunctionModules.set(resource, record);
    if (!record.directive) continue;
    if (record.directive === 'use server') {
      const target = record.layer === 'server' ? snapshot.serverFunctionModules : snapshot.serverFunctionReferences;
      target.set(resource, record);
    } else if (record.layer === 'server') {
      snapshot.clientComponentReferences.set(resource, record);
    } else {
      let perLayer = snapshot.clientComponentModules.get(record.layer);
      if (!perLayer) snapshot.clientComponentModules.set(record.layer, (perLayer = new Map()));
      perLayer.set(resource, record);
    }
  }
  return snapshot;
}

export interface RequiredModules {
  layer: Layer;
  webpackLayer: string | null;
  /** Modules to build by resource. */
  resources: string[];
  /**
   * Modules with inline server functions whose facade must be built (server layer): always the
   * compilation's own, so a facade is never what another compilation lacks.
   */
  facades: Array<{ resource: string; record: ModuleRecord }>;
}

/** The modules each layer of `self` must contain, given what every compilation of the build asks. */
export function requiredModules(self: CompilationSnapshot, all: CompilationSnapshot[]): RequiredModules[] {
  const required: RequiredModules[] = [];
  for (const [layer, webpackLayer] of self.layers) {
    const resources = new Set<string>();
    if (layer === 'server') {
      // Its own server functions too: an included module is never inlined into another one, so it
      // keeps the module ID the manifest points at.
      for (const snapshot of all) for (const resource of snapshot.serverFunctionReferences.keys()) resources.add(resource);
      for (const resource of self.serverFunctionModules.keys()) resources.add(resource);
    } else {
      for (const snapshot of all) for (const resource of snapshot.clientComponentReferences.keys()) resources.add(resource);
    }
    const facades =
      layer === 'server'
        ? [...self.inlineServerFunctionModules].sort(([a], [b]) => (a < b ? -1 : 1)).map(([resource, record]) => ({ resource, record }))
        : [];
    required.push({ layer, webpackLayer, resources: [...resources].sort(), facades });
  }
  return required;
}

/** Resources that `self` would still have to build: what makes an idle compilation stale. */
export function missingModules(self: CompilationSnapshot, all: CompilationSnapshot[]): string[] {
  const missing: string[] = [];
  for (const { layer, resources } of requiredModules(self, all)) {
    const present =
      layer === 'server' ? self.serverFunctionModules : (self.clientComponentModules.get(layer) ?? new Map());
    for (const resource of resources) if (!present.has(resource)) missing.push(resource);
  }
  return missing;
}
