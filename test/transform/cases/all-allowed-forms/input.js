"use server";
import { db } from "./db";
import { log } from "../log";

export async function createNote(title) {
  log("create", title);
  return db.insert({ title });
}

export const deleteNote = async (id) => db.delete(id),
  renameNote = async function (id, title) {
    return db.update(id, { title });
  };

async function archive(id) {
  return db.update(id, { archived: true });
}

const restore = async (id) => db.update(id, { archived: false });

export { archive, restore as unarchive, searchNotes as "search-notes" };

async function searchNotes(query) {
  return db.search(query);
}

export default async function () {
  return db.count();
}
