"use server-only"; // error
import { db } from "./db";

export async function readSecrets() {
  return db.secrets();
}
