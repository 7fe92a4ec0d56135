"use server";
import { db } from "./db";

export async function createNote(title) {
  const note = await db.insert({ title });
  async function undo() {
    "use server";
    await db.delete(note.id);
  }
  return { note, undo };
}

export async function deleteNote(id) {
  "use server";
  await db.delete(id);
}
