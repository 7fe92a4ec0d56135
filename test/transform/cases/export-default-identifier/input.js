"use server";
import { db } from "./db";

const saveNote = async (note) => {
  await db.save(note);
};

export default saveNote;
