"use action"; // error
import { db } from "./db";

export async function createNote(title) {
  return db.insert({ title });
}
