/**
 * What the resolver found for a module (its package.json and where the file is within the package),
 * for the package checks (checks/module-origin.ts). On Rspack the object is a view of data that lives
 * in Rust, and reading it throws once Rust has dropped it (a module carried over into a watch
 * rebuild): such a module is then taken as one whose package is unknown.
 */
import type { NormalModule } from 'webpack';

export interface ResolveData {
  descriptionFileData?: unknown;
  descriptionFileRoot?: string;
  relativePath?: string;
}

/** The fields the checks read, copied while they can be read. */
export function resolveDataOf(module: NormalModule): ResolveData | undefined {
  try {
    const data = module.resourceResolveData as ResolveData | undefined;
    if (!data) return undefined;
    return { descriptionFileData: data.descriptionFileData, descriptionFileRoot: data.descriptionFileRoot, relativePath: data.relativePath };
  } catch {
    return undefined;
  }
}
