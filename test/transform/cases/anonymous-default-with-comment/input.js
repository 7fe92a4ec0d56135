"use server";
import { db } from "./db";

// The comment between the keywords must not be mistaken for the `function` keyword.
export default async /* function */ function (note) {
  await db.save(note);
}
