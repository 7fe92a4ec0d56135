"use server";__registerServerReference(createNote, "43228b0a82d17959ff962fc05b582ca830cb5d8a", null);__registerServerReference(deleteNote, "9fcd7dd0f7f64827f37cab0b36be285864ea81b3", null);
import { db } from "./db";

// A top-level function of a "use server" file may repeat the directive: it changes nothing.
export async function createNote(title) {
  "use server";
  return db.insert({ title });
}

export async function deleteNote(id) {
  await db.delete(id);
}

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
