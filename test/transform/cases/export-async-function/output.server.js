"use server";__registerServerReference(createNote, "63ce0116f6e4d03cb15e25a01650ee7765bdb6c6", null);
import { db } from "./db";

export async function createNote(title) {
  return db.insert({ title });
}

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
