// With `directiveTypos: "warning"`, the file builds as a plain module, on every layer: its code,
// server code included, is bundled wherever it is imported. That is the risk the option takes.
"use sever"; // warning
import { db } from "./db";

export async function createNote(title) {
  return db.insert({ title });
}

export async function deleteNote(id) {
  ("use server"); // warning
  return db.delete(id);
}
