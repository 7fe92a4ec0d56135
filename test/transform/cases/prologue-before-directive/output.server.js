#!/usr/bin/env node
/**
 * Server functions for notes.
 */
// Comments and other directives may come before "use server".
'use strict';
/* still the prologue */ "use server";__registerServerReference(createNote, "517e0f2ee4f5aea7a2985afb19748421c62a38cf", null);

export async function createNote(title) {
  return { title };
}

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
