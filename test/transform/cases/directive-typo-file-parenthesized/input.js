"use strict";
// Parentheses make it an expression: not a directive, and the prologue ends here.
("use server"); // error
import { db } from "./db";

export async function createNote(title) {
  return db.insert({ title });
}
