/**
 * React resolved the wrong way for the server layer: without the `react-server` condition (the bundle
 * throws when it loads), from two copies of react-server-dom-webpack in one bundle, or in a version
 * without the Flight security fixes (flight-versions.ts).
 */
import type { Compilation, NormalModule } from 'webpack';
import { getModuleRecord } from '../../shared/module-record';
import { addModulesProblem, addWarning, compilerName, displayPath } from '../build-problems';
import type { CompilationSnapshot } from '../coordination/compilation-snapshot';
import { hasFlightSecurityFixes, PATCHED_FLIGHT_RANGE } from './flight-versions';
import { layerByWebpackLayer, packageNameOf, packageOf } from './module-origin';

/**
 * Entry points of React packages that a resolution with the `react-server` condition never yields:
 * in the server layer they throw on load, or make React's Flight renderer throw.
 */
const NOT_REACT_SERVER = new Map([
  ['react', ['./index.js', './jsx-runtime.js', './jsx-dev-runtime.js']],
  ['react-server-dom-webpack', ['./server.js', './static.js']],
]);

/** The packages the check reads: those above, react-server-dom-webpack's copies and versions among them. */
const REACT_PACKAGES = new Set<string | undefined>(NOT_REACT_SERVER.keys());

export function checkReactPackages(compilation: Compilation, snapshot: CompilationSnapshot): void {
  const withoutReactServer: NormalModule[] = [];
  const copies = new Map<string, string>();
  const layerOf = layerByWebpackLayer(snapshot);
  const { NormalModule } = compilation.compiler.webpack;
  for (const module of compilation.modules) {
    // Every module of an app with a package.json has a package: look closer at React's only.
    if (!(module instanceof NormalModule) || !REACT_PACKAGES.has(packageNameOf(module))) continue;
    const pkg = packageOf(module);
    if (!pkg) continue;
    if (pkg.name === 'react-server-dom-webpack') copies.set(pkg.root, pkg.version);
    const layer = getModuleRecord(module)?.layer ?? layerOf(module);
    if (layer === 'server' && NOT_REACT_SERVER.get(pkg.name)?.includes(pkg.relativePath)) withoutReactServer.push(module);
  }
  reportMissingReactServerCondition(compilation, snapshot, withoutReactServer);
  reportCopies(compilation, copies);
  reportUnpatchedVersions(compilation, copies);
}

/** A version without the Flight security fixes (installed past the peer range, e.g. --legacy-peer-deps). */
function reportUnpatchedVersions(compilation: Compilation, roots: Map<string, string>): void {
  const unpatched = [...new Set(roots.values())].filter((version) => !hasFlightSecurityFixes(version)).sort();
  if (unpatched.length === 0) return;
  addWarning(
    compilation,
    `compiler "${compilerName(compilation.compiler)}" bundles ` +
      `react-server-dom-webpack ${unpatched.join(', ')}, which lacks security fixes for the decoding of ` +
      `server-function requests (see SECURITY.md). Upgrade it to ${PATCHED_FLIGHT_RANGE}.`,
  );
}

function reportMissingReactServerCondition(compilation: Compilation, snapshot: CompilationSnapshot, modules: NormalModule[]): void {
  const webpackLayer = snapshot.layers.get('server');
  const where = webpackLayer
    ? `to a rule for the server layer: \`{ issuerLayer: ${JSON.stringify(webpackLayer)}, resolve: { conditionNames: ['react-server', '...'] } }\``
    : `to the config of compiler "${snapshot.compilerName}"`;
  const files = modules.map((module) => {
    const pkg = packageOf(module)!;
    return `${pkg.name}/${pkg.relativePath.slice(2)}`;
  });
  addModulesProblem(compilation, 'error', modules, () =>
    `compiler "${snapshot.compilerName}" resolves React for the server layer without the \`react-server\` ` +
      `condition, so the server bundle throws when it loads:\n${[...new Set(files)].sort().map((file) => `  - ${file}`).join('\n')}\n` +
      `Add \`resolve: { conditionNames: ['react-server', '...'] }\` ${where}.`,
  );
}

function reportCopies(compilation: Compilation, roots: Map<string, string>): void {
  if (roots.size < 2) return;
  const copies = [...roots]
    .map(([root, version]) => `  - ${displayPath(compilation.compiler, root)} (${version})`)
    .sort()
    .join('\n');
  addWarning(
    compilation,
    `compiler "${compilerName(compilation.compiler)}" bundles ` +
      `${roots.size} copies of react-server-dom-webpack:\n${copies}\n` +
      'A server reference that one copy makes is unknown to the other (encodeReply cannot send it, `.bind` ' +
      'differs), and each copy adds its code to the bundle. Keep one copy: `npm dedupe` (or your package ' +
      "manager's equivalent), `overrides` in package.json, or react-server-dom-webpack in the " +
      '`peerDependencies` of the package that brings the second copy.',
  );
}

