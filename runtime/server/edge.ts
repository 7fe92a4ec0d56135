/**
 * webpack-server-actions/runtime on an edge runtime (the `workerd`, `edge-light` and `worker`
 * conditions): everything but what needs Node's http and streams, so that app code written against
 * `webpack-server-actions/runtime` (redirect, setCookie, getServerActionContext…) builds for a worker
 * without pulling busboy or node:async_hooks in. The two Node-only functions are there to say so when
 * called, rather than being undefined.
 */
export * from './portable';

function nodeOnly(name: string, instead: string): never {
  throw new Error(
    `webpack-server-actions: ${name} needs Node's http and streams, and this bundle was built for an edge ` +
      `runtime (the workerd, edge-light or worker condition). ${instead}`,
  );
}

export function handleServerActionRequest(): never {
  return nodeOnly('handleServerActionRequest()', 'Use handleServerActionFetch(request, options), which takes a Fetch API Request.');
}

export function renderPage(): never {
  return nodeOnly(
    'renderPage()',
    'Use renderPageStream(root, options), which gives the same Flight stream as a ReadableStream.',
  );
}
