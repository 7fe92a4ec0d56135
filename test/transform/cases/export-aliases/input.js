"use server";
import { db } from "./db";

// One function under several names: each name is an action of its own.
async function createNote(title) {
  return db.insert({ title });
}

export { createNote, createNote as addNote };

export const deleteNote = async (id) => db.delete(id);
export default deleteNote;

// An alias may come before the function it names: function declarations are hoisted.
export { archive as hide };
export async function archive(id) {
  return db.update(id, { archived: true });
}
export const remove = deleteNote;
