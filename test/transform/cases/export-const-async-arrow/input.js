"use server";
import { db } from "./db";

export const deleteNote = async (id) => {
  await db.delete(id);
};
