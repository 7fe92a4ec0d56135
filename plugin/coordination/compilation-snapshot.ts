/**
 * What one compilation offers and asks of the others, read from the records the loader left on
 * `module.buildInfo` (so a build restored from the persistent cache reads the same).
 */
import type { Compilation, NormalModule } from 'webpack';
import { getModuleRecord, type Layer, type ModuleRecord } from '../../shared/module-record';
import { compilerName } from '../build-problems';
import { heldByEntries } from '../bundler/held-modules';

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
    compilerName: compilerName(compilation.compiler),
    layers: new Map(),
    serverFunctionModules: new Map(),
    serverFunctionReferences: new Map(),
    clientComponentReferences: new Map(),
    clientComponentModules: new Map(),
    publicPath: typeof compilation.outputOptions.publicPath === 'string' ? compilation.outputOptions.publicPath : '',
  };
  const held = heldByEntries(compilation);
  for (const module of compilation.modules) {
    const record = getModuleRecord(module);
    if (!record) continue;
    if (!snapshot.layers.has(record.layer)) snapshot.layers.set(record.layer, module.layer ?? null);
    const resource = (module as NormalModule).resource;
    if (!record.directive || !held(module)) continue;
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
  /** Modules to build by resource that the layer does not hold yet. */
  resources: string[];
}

/** The modules each layer of `self` must contain, given what every compilation of the build asks. */
export function requiredModules(self: CompilationSnapshot, all: CompilationSnapshot[]): RequiredModules[] {
  const required: RequiredModules[] = [];
  for (const [layer, webpackLayer] of self.layers) {
    // A module the layer already holds stays where its importers put it (an async chunk, say).
    const present = layer === 'server' ? self.serverFunctionModules : (self.clientComponentModules.get(layer) ?? new Map());
    const resources = new Set<string>();
    for (const snapshot of all) {
      const asked = layer === 'server' ? snapshot.serverFunctionReferences : snapshot.clientComponentReferences;
      for (const resource of asked.keys()) if (!present.has(resource)) resources.add(resource);
    }
    required.push({ layer, webpackLayer, resources: [...resources].sort() });
  }
  return required;
}

/** Resources that `self` would still have to build: what makes an idle compilation stale. */
export function missingModules(self: CompilationSnapshot, all: CompilationSnapshot[]): string[] {
  return requiredModules(self, all).flatMap(({ resources }) => resources);
}

/**
 * What `all` ask `self` to contain, one `layer\0resource` each, whether `self` holds it already or not.
 * In watch mode a compilation is stale once this changes, even if it holds every module: it may hold
 * what nobody asks for any more (a client component no longer rendered, and the server functions only
 * that component imports), and its manifests list what is asked (a client component that the server
 * starts to render, which the browser bundle already holds because another client component imports it).
 */
export function askedOf(self: CompilationSnapshot, all: CompilationSnapshot[]): string[] {
  const asked = new Set<string>();
  for (const layer of self.layers.keys()) {
    for (const snapshot of all) {
      const references = layer === 'server' ? snapshot.serverFunctionReferences : snapshot.clientComponentReferences;
      for (const resource of references.keys()) asked.add(`${layer}\0${resource}`);
    }
  }
  return [...asked].sort();
}
