"use server";
import { db } from "./db";

export const renameNote = async function rename(id, title) {
  await db.update(id, { title });
};
