"use server";
import { db } from "./db";

export default (async (note) => {
  await db.save(note);
});
