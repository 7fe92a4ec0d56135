import { db } from "./db";
"use server"; // error

export async function createNote(title) {
  return db.insert({ title });
}
