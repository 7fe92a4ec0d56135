/**
 * The package.json a module was resolved through (its "description file"), for the checks that name
 * packages (checks/module-origin.ts).
 *
 * - webpack's `resourceResolveData` has the file's data, its directory (`descriptionFileRoot`) and the
 *   module's path from there (`relativePath`, as `./dir/file.js`).
 * - Rspack's has the data (`descriptionFileData`) and the module's `path`, but neither the directory nor
 *   the relative path. The directory is the resolver's: the closest one above the module that holds a
 *   package.json. It is looked up on disk, once per directory, and only for the modules the checks ask
 *   about. Rspack's resolve data is a view of data that lives in Rust: reading it throws once Rust has
 *   dropped it (a module carried over into a watch rebuild), and such a module's package is unknown.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { NormalModule } from 'webpack';

export interface DescriptionFile {
  data: unknown;
  /** The directory of the package.json. */
  root: string;
  /** The module's file from `root`, as `./dir/file.js`. */
  relativePath: string;
}

interface RspackResolveData {
  path?: string;
  descriptionFileData?: unknown;
}

/** The data of the module's package.json, if any: cheaper than `descriptionFileOf`. */
export function descriptionFileDataOf(module: NormalModule): unknown {
  try {
    return module.resourceResolveData?.descriptionFileData;
  } catch {
    return undefined;
  }
}

export function descriptionFileOf(module: NormalModule): DescriptionFile | undefined {
  try {
    return readDescriptionFile(module);
  } catch {
    return undefined;
  }
}

function readDescriptionFile(module: NormalModule): DescriptionFile | undefined {
  const data = module.resourceResolveData;
  if (!data) return undefined;
  // webpack's has the key, even when no package.json was found; Rspack's never has.
  if ('descriptionFileRoot' in data) {
    if (!data.descriptionFileRoot || !data.relativePath) return undefined;
    return { data: data.descriptionFileData, root: data.descriptionFileRoot, relativePath: data.relativePath };
  }
  const { path: file, descriptionFileData: description } = data as RspackResolveData;
  if (!file || description === undefined) return undefined;
  const root = closestPackageDirectory(path.dirname(file));
  if (!root) return undefined;
  return { data: description, root, relativePath: `./${path.relative(root, file).split(path.sep).join('/')}` };
}

// Per process, as the resolver's own cache of description files: a package.json that appears or goes
// during a watch session only changes which directory a check names.
const holdsPackageJson = new Map<string, boolean>();

function closestPackageDirectory(directory: string): string | undefined {
  for (let current = directory; ; ) {
    let holds = holdsPackageJson.get(current);
    if (holds === undefined) holdsPackageJson.set(current, (holds = existsSync(path.join(current, 'package.json'))));
    if (holds) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
