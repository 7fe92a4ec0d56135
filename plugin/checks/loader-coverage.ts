/**
 * A "use server" or "use client" file that no loader rule matches is bundled as plain code. Found by
 * reading the prologue of every module the loader did not see (node_modules included), which is cheap.
 */
import type { Compilation, NormalModule } from 'webpack';
import { getModuleRecord, type Layer } from '../../shared/module-record';
import { addModulesProblem, compilerName } from '../build-problems';
import type { CompilationSnapshot } from '../coordination/compilation-snapshot';
import { layerByWebpackLayer, packageOf } from './module-origin';

interface UnmatchedModule {
  module: NormalModule;
  layer: Layer;
  directive: 'use server' | 'use client';
}

/** `all`: the snapshots of the build, `self`'s first. */
export function checkLoaderCoverage(
  compilation: Compilation,
  self: CompilationSnapshot,
  all: CompilationSnapshot[],
): void {
  const unmatched: UnmatchedModule[] = [];
  const layerOf = layerByWebpackLayer(self);
  const { NormalModule } = compilation.compiler.webpack;
  for (const module of compilation.modules) {
    if (!(module instanceof NormalModule) || getModuleRecord(module) || !module.type.startsWith('javascript')) continue;
    const layer = layerOf(module);
    const directive = layer ? leadingDirective(module) : undefined;
    if (layer && directive) unmatched.push({ module, layer, directive });
  }
  reportUnmatchedDirectives(compilation, unmatched, clientComponentsRendered(all));
}

const TRIVIA = /(?:\s|\/\/[^\n\r]*|\/\*[\s\S]*?\*\/)*/y;
const DIRECTIVE = /(["'])([^"'\\\n\r]*)\1\s*;?/y;

/**
 * The "use server" or "use client" directive in a module's prologue, read from its built source. Only
 * the leading comments and strings are read, so that every module of node_modules can be looked at.
 */
function leadingDirective(module: NormalModule): 'use server' | 'use client' | undefined {
  const text = module.originalSource()?.source();
  if (typeof text !== 'string') return undefined;
  let index = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0;
  for (;;) {
    TRIVIA.lastIndex = index;
    TRIVIA.exec(text);
    DIRECTIVE.lastIndex = TRIVIA.lastIndex;
    const match = DIRECTIVE.exec(text);
    if (!match) return undefined;
    if (match[2] === 'use server' || match[2] === 'use client') return match[2];
    index = DIRECTIVE.lastIndex;
  }
}

/** Resources that a server layer of this plugin instance renders as client components. */
function clientComponentsRendered(all: CompilationSnapshot[]): Set<string> {
  return new Set(all.flatMap((snapshot) => [...snapshot.clientComponentReferences.keys()]));
}

/**
 * A directive file that no loader rule matched is bundled as plain code: "use server" functions ship
 * to the client and run there; a "use client" component runs as a server component. A "use client"
 * file in a client layer needs the loader only when the server renders it (it is a client reference).
 */
function reportUnmatchedDirectives(compilation: Compilation, unmatched: UnmatchedModule[], rendered: Set<string>): void {
  const group = (keep: (each: UnmatchedModule) => boolean) => unmatched.filter(keep).map((each) => each.module);
  const isClient = (layer: Layer) => layer !== 'server';
  const name = `compiler "${compilerName(compilation.compiler)}"`;
  const serverCodeInClient = group((each) => each.directive === 'use server' && isClient(each.layer));
  addModulesProblem(compilation, 'error', serverCodeInClient, (files) =>
    `${name} bundles "use server" files that no webpack-server-actions loader rule matches: their code ships ` +
      `to the client as it is, and calls never reach the server:\n${files}\n${matchThem(serverCodeInClient)}`,
  );
  const unrenderable = group((each) => each.directive === 'use client' && isClient(each.layer) && rendered.has(each.module.resource));
  addModulesProblem(compilation, 'error', unrenderable, (files) =>
    `${name} bundles "use client" files that the server renders but that no webpack-server-actions loader rule ` +
      `matches here, so they are missing from the client manifests:\n${files}\n${matchThem(unrenderable)}`,
  );
  const unregistered = group((each) => each.directive === 'use server' && each.layer === 'server');
  addModulesProblem(compilation, 'warning', unregistered, (files) =>
    `${name} bundles "use server" files in the server layer that no webpack-server-actions loader rule ` +
      `matches: their functions are not registered, so clients cannot call them and they cannot be passed to ` +
      `client components:\n${files}\n${matchThem(unregistered)}`,
  );
  const clientAsServer = group((each) => each.directive === 'use client' && each.layer === 'server');
  addModulesProblem(compilation, 'warning', clientAsServer, (files) =>
    `${name} bundles "use client" files in the server layer that no webpack-server-actions loader rule ` +
      `matches: they run as server components instead of being rendered in the client:\n${files}\n${matchThem(clientAsServer)}`,
  );
}

/** How to let the loader rules see these files, with a rule for the packages among them. */
function matchThem(modules: NormalModule[]): string {
  const packages = [...new Set(modules.filter((m) => /[\\/]node_modules[\\/]/.test(m.resource)).map((m) => packageOf(m)?.name))]
    .filter((name): name is string => name !== undefined)
    .sort();
  const spared = packages.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('/', '[\\\\/]'));
  const alternatives = spared.length > 1 ? `(?:${spared.join('|')})` : spared[0];
  const example =
    spared.length > 0
      ? ` For packages in node_modules, drop \`exclude: /node_modules/\` (the loader passes on files without a ` +
        `directive after a text scan), or spare them: \`exclude: /node_modules[\\\\/](?!${alternatives}[\\\\/])/\`.`
      : '';
  return `Make the webpack-server-actions loader rule of every compiler match them (its \`test\`, \`include\` and \`exclude\`).${example}`;
}
