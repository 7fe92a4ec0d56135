"use server";
import { db } from "./db";

// A top-level function of a "use server" file may repeat the directive: it changes nothing.
export async function createNote(title) {
  "use server";
  return db.insert({ title });
}

export async function deleteNote(id) {
  await db.delete(id);
}
