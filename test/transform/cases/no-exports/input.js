"use server";
import { db } from "./db";

async function unused() {
  await db.vacuum();
}
