/** Typed errors of the server runtime: an app branches on `code`, never on message text. */
export class ServerActionNotFoundError extends Error {
  readonly code = 'ERR_SERVER_ACTION_NOT_FOUND';
  constructor() {
    // The ID is client input: it is not echoed, so logs never carry it unbounded.
    super('No server function is registered under the requested action ID.');
    this.name = 'ServerActionNotFoundError';
  }
}

export class ServerActionRequestError extends Error {
  readonly code = 'ERR_SERVER_ACTION_BAD_REQUEST';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ServerActionRequestError';
  }
}

export class ServerActionsManifestMissingError extends Error {
  readonly code = 'ERR_SERVER_ACTIONS_MANIFEST_MISSING';
  constructor() {
    super(
      'webpack-server-actions: no server-actions manifest in this bundle. Import "webpack-server-actions/runtime" ' +
        'from code that webpack bundles in the server layer of a compiler that has ServerActionsPlugin.',
    );
    this.name = 'ServerActionsManifestMissingError';
  }
}
