"use server";
import { db } from "./db";

export default async function (note) {
  await db.save(note);
}
