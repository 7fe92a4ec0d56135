/** webpack-server-actions/runtime/fetch on Node: the Fetch entry, with node:async_hooks' AsyncLocalStorage. */
import './node-async-storage';

export * from './fetch';
