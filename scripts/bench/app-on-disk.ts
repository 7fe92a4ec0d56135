/**
 * Writes a synthetic app (scripts/bench/synthetic-app.ts) to a folder, with the entries every variant
 * builds and the few files only the floor needs, and describes it in `bench-app.json` for the build
 * child (scripts/bench/build-child.mjs).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { relativeImport, type SyntheticApp } from './synthetic-app';

export const REPO_ROOT = path.resolve(__dirname, '../..');

/** What the build child reads: absolute paths, and what a complete build lists. */
export interface AppDescription {
  editedFile: string;
  expected: SyntheticApp['expected'];
  /** Client component file → the floor's stand-in for it in the RSC layer. */
  floorStubs: [string, string][];
}

const ENTRIES = {
  'src/entries/rsc.jsx': (app: SyntheticApp) => `import { renderToPipeableStream } from 'react-server-dom-webpack/server';
import App from '${relativeImport('src/entries/rsc.jsx', app.rootComponent)}';

export function renderPage(clientManifest, props) {
  return renderToPipeableStream(<App {...props} />, clientManifest);
}
`,
  'src/entries/ssr.jsx': () => `import { use } from 'react';
import { renderToPipeableStream } from 'react-dom/server';
import { createFromNodeStream } from 'react-server-dom-webpack/client';

export function renderHtml(flightStream, ssrManifest) {
  const page = createFromNodeStream(flightStream, ssrManifest);
  function Page() {
    return use(page);
  }
  return renderToPipeableStream(<Page />);
}
`,
  'src/entries/call-server.js': () => `import { createFromFetch, encodeReply } from 'react-server-dom-webpack/client';

export async function callServer(id, args) {
  const body = await encodeReply(args);
  const response = fetch(location.href, { method: 'POST', headers: { 'x-server-action': id }, body });
  return createFromFetch(response, { callServer });
}
`,
  'src/entries/browser.jsx': () => `import { startTransition, use } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { createFromFetch } from 'react-server-dom-webpack/client';
import { callServer } from './call-server.js';

const page = createFromFetch(fetch(location.href, { headers: { accept: 'text/x-component' } }), { callServer });
function Page() {
  return use(page);
}
startTransition(() => hydrateRoot(document, <Page />));
`,
};

// Without any handling of "use client", the floor reaches client components by importing them from
// its SSR and browser entries, as the plugins add them; in the RSC layer they are stand-ins with the
// same exports, as small as the references the plugins make of them.
function floorFiles(app: SyntheticApp): Map<string, string> {
  const boundary = 'src/entries/client-boundary.js';
  const files = new Map<string, string>();
  files.set(boundary, app.clientBoundary.map((file, i) => `export * as c${i} from '${relativeImport(boundary, file)}';`).join('\n') + '\n');
  files.set('src/entries/floor-ssr.jsx', `export * from './ssr.jsx';\nexport * as clientComponents from './client-boundary.js';\n`);
  files.set('src/entries/floor-browser.jsx', `import './browser.jsx';\nexport * as clientComponents from './client-boundary.js';\n`);
  for (const file of app.clientBoundary) {
    const name = path.posix.basename(file, '.jsx').toUpperCase();
    files.set(stubPath(file), `export function ${name}() {\n  return null;\n}\n`);
  }
  return files;
}

function stubPath(file: string): string {
  return `src/floor-stubs/${file.replace(/^src\//, '').replace(/\.jsx$/, '.js')}`;
}

export function writeAppToDisk(app: SyntheticApp, dir: string): void {
  const files = new Map([...app.files, ...Object.entries(ENTRIES).map(([file, render]) => [file, render(app)] as const), ...floorFiles(app)]);
  for (const [file, text] of files) {
    mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  symlinkSync(REPO_ROOT, path.join(dir, 'node_modules/webpack-server-actions'), 'dir');
  const description: AppDescription = {
    editedFile: path.join(dir, app.editedFile),
    expected: app.expected,
    floorStubs: app.clientBoundary.map((file) => [path.join(dir, file), path.join(dir, stubPath(file))]),
  };
  writeFileSync(path.join(dir, 'bench-app.json'), JSON.stringify(description, null, 2));
}
