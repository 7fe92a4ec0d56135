import { db } from "./db";

export async function createNote(title) {
  "use server";
  return db.insert({ title });
}

async function deleteNote(id) {
  "use server";
  await db.delete(id);
}

export const archiveNote = async (id) => {
  "use server";
  await db.archive(id);
};

const restoreNote = async function (id) {
  "use server";
  await db.restore(id);
};

export const actions = [deleteNote, restoreNote];
