"use server";
import { db } from "./db";
import { withAuth } from "../lib/actions";

// A server function that hands back a new one: the inner one is hoisted and bound to what it captures.
export const startEdit = withAuth(async (user, noteId) => {
  const note = await db.find(noteId);
  return async function saveEdit(text) {
    "use server";
    await db.update(note.id, { text, editor: user.name });
  };
});

export async function undoable(id) {
  const removed = await db.delete(id);
  const undo = async () => {
    "use server";
    await db.insert(removed);
  };
  return { id, undo };
}
