'it\'s a prologue';
"use server";__registerServerReference(createNote, "a380553164b8732a5d00eb9cb719e1138d2c09a3", null);

export async function createNote(title) {
  return { title };
}

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
