/** The loader that makes a facade module (see server-functions-facade.ts). */
import type { LoaderContext } from 'webpack';
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
    setModuleRecord(this._module, { layer: 'server', fingerprint: handshake.fingerprint, facadeOf: this.resource });
  }
  // The module itself, through the configured loaders, in the facade's layer: the very module of the graph.
  this.callback(null, `export { ${exports.join(', ')} } from ${JSON.stringify(this.resource)};\n`);
}
