#!/usr/bin/env node
/**
 * Server functions for notes.
 */
// Comments and other directives may come before "use server".
'use strict';
/* still the prologue */ "use server";

export async function createNote(title) {
  return { title };
}
