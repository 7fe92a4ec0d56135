/** The loader that makes a facade module (see server-functions-facade.ts). */
import * as path from 'node:path';
import type { LoaderContext } from 'webpack';
import { toRelativePath } from '../shared/ids';
import { getLoaderHandshake, setModuleRecord } from '../shared/module-record';

export interface FacadeLoaderOptions {
  exports: string[];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export default function serverFunctionsFacadeLoader(this: LoaderContext<FacadeLoaderOptions>): void {
  const { exports } = this.getOptions();
  if (!Array.isArray(exports) || !exports.every((name) => typeof name === 'string' && IDENTIFIER.test(name))) {
    this.callback(new Error('webpack-server-actions: the facade loader needs `exports`, a list of identifiers.'));
    return;
  }
  const handshake = getLoaderHandshake(this);
  if (this._module && handshake) {
    const relativePath = toRelativePath(handshake.root, this.resourcePath);
    setModuleRecord(this._module, { layer: 'server', fingerprint: handshake.fingerprint, facade: true, relativePath });
  }
  // The module itself, through the configured loaders, in the facade's layer: the very module of the
  // graph. Relative, so that no absolute path reaches a bundle through webpack's path comments.
  const request = `./${path.basename(this.resourcePath)}${this.resourceQuery}${this.resourceFragment}`;
  this.callback(null, `export { ${exports.join(', ')} } from ${JSON.stringify(request)};\n`);
}
