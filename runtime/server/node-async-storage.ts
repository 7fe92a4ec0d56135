/** The Node entries' side effect: AsyncLocalStorage from `node:async_hooks` (see async-storage.ts). */
import { AsyncLocalStorage } from 'node:async_hooks';
import { provideAsyncLocalStorage } from './async-storage';

provideAsyncLocalStorage(AsyncLocalStorage);
