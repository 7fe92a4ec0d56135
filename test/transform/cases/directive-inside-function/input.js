import { db } from "./db";

export async function createNote(title) {
  "use server";
  return db.insert({ title });
}
