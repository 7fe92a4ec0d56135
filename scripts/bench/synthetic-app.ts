/**
 * Generates the synthetic React Server Components app that the build benchmark compiles: a pure
 * function from a module count and a seed to a set of files, the same files for every variant.
 *
 * Of the modules, about 5 % are "use server" files with three to six exported server functions, 10 %
 * are "use client" components, 15 % are utilities and the rest are server components, spread over
 * feature folders. Server components import server components, utilities, client components and the
 * server functions they hand to client components as props or to `<form action>`; client components
 * import client components and utilities; every module is reachable from the root server component.
 * "use server" files are imported by server components only: the shape @mfng/webpack-rsc supports.
 */
import * as path from 'node:path';
import { renderActions, renderClientComponent, renderServerComponent, renderUtility } from './synthetic-modules';

export interface SyntheticApp {
  /** Relative path (posix) → text, sources and entries. */
  files: Map<string, string>;
  /** The "use server" file that the watch benchmark edits (its `const revision = 0;`). */
  editedFile: string;
  /** What a complete build must list: every server function, every client component file. */
  expected: { serverFunctions: number; clientFiles: number; modules: number };
  /** Client components that server components import: where the client bundle begins. */
  clientBoundary: string[];
  clientFiles: string[];
  /** The server component the RSC entry renders. */
  rootComponent: string;
}

export interface ModulePlan {
  file: string;
  name: string;
  imports: string[];
}

// mulberry32: a small seeded generator, so that every run and every variant builds the same app.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateSyntheticApp(moduleCount: number, seed = 7): SyntheticApp {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const counts = {
    actions: Math.max(1, Math.round(moduleCount * 0.05)),
    client: Math.max(1, Math.round(moduleCount * 0.1)),
    utilities: Math.max(1, Math.round(moduleCount * 0.15)),
  };
  const serverCount = Math.max(1, moduleCount - counts.actions - counts.client - counts.utilities);
  const features = Math.max(1, Math.ceil(moduleCount / 50));
  const feature = (index: number) => `src/features/f${index % features}`;

  const server = plans(serverCount, (i) => ({ file: `${feature(i)}/s${i}.jsx`, name: `S${i}` }));
  const client = plans(counts.client, (i) => ({ file: `${feature(i * 7)}/c${i}.jsx`, name: `C${i}` }));
  const utilities = plans(counts.utilities, (i) => ({ file: `src/lib/f${i % features}/u${i}.js`, name: `u${i}` }));
  const actions = plans(counts.actions, (i) => ({ file: `${feature(i * 3)}/actions-${i}.js`, name: `a${i}` }));
  const exportsOf = actions.map(() => 3 + Math.floor(random() * 4));

  // Reachability: a random tree over the server components, client components hung from a server
  // component (a boundary) or from an earlier client component, every utility and "use server" file
  // imported at least once. Then extra edges, always towards later modules, so the graph stays acyclic.
  server.forEach((plan, i) => i > 0 && server[Math.floor(random() * i)].imports.push(plan.file));
  const boundary = new Set<string>();
  client.forEach((plan, i) => {
    if (i === 0 || random() < 0.6) {
      pick(server).imports.push(plan.file);
      boundary.add(plan.file);
    } else {
      client[Math.floor(random() * i)].imports.push(plan.file);
    }
  });
  actions.forEach((plan) => {
    for (let k = 1 + Math.floor(random() * 3); k > 0; k -= 1) addImport(pick(server), plan.file);
  });
  utilities.forEach((plan, i) => {
    const importers = i > 0 && random() < 0.3 ? utilities.slice(0, i) : random() < 0.25 ? client : random() < 0.3 ? actions : server;
    addImport(pick(importers), plan.file);
  });
  server.forEach((plan, i) => {
    if (i + 1 < server.length && random() < 0.3) addImport(plan, server[i + 1 + Math.floor(random() * (server.length - i - 1))].file);
    addImport(plan, pick(utilities).file);
  });

  const byFile = new Map([...server, ...client, ...utilities, ...actions].map((plan) => [plan.file, plan]));
  const actionExports = new Map(actions.map((plan, i) => [plan.file, actionNames(plan.name, exportsOf[i])]));
  const context = { byFile, actionExports, relative: relativeImport };
  const files = new Map<string, string>();
  for (const plan of server) files.set(plan.file, renderServerComponent(plan, context));
  for (const plan of client) files.set(plan.file, renderClientComponent(plan, context));
  for (const plan of utilities) files.set(plan.file, renderUtility(plan, context));
  for (const plan of actions) files.set(plan.file, renderActions(plan, context));

  const editedFile = actions[0].file;
  return {
    files,
    editedFile,
    expected: {
      serverFunctions: exportsOf.reduce((sum, count) => sum + count, 0),
      clientFiles: client.length,
      modules: files.size,
    },
    clientBoundary: [...boundary],
    clientFiles: client.map((plan) => plan.file),
    rootComponent: server[0].file,
  };
}

function plans(count: number, make: (index: number) => Omit<ModulePlan, 'imports'>): ModulePlan[] {
  return Array.from({ length: count }, (_, index) => ({ ...make(index), imports: [] }));
}

function addImport(plan: ModulePlan, file: string): void {
  if (!plan.imports.includes(file)) plan.imports.push(file);
}

function actionNames(name: string, count: number): string[] {
  const verbs = ['create', 'update', 'remove', 'archive', 'rename', 'publish'];
  return verbs.slice(0, count).map((verb) => `${verb}${name.toUpperCase()}`);
}

/** An import specifier from one app file to another, with its extension, as ESM wants. */
export function relativeImport(from: string, to: string): string {
  const specifier = path.posix.relative(path.posix.dirname(from), to);
  return specifier.startsWith('.') ? specifier : `./${specifier}`;
}
