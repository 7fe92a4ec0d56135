"use server";
import { db } from "./db";

export default async function saveNote(note) {
  await db.save(note);
}
