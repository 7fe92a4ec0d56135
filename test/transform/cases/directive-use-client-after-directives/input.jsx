#!/usr/bin/env node
/**
 * Comments and other directives may come before "use client": it is still the file's directive.
 */
"use strict";
// still the prologue
/* and here */ 'use client';

export function Counter({ initial }) {
  return <button>{initial}</button>;
}
