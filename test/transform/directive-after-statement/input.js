import { db } from "./db";
"use server";

export async function createNote(title) {
  return db.insert({ title });
}
