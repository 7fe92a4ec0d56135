import { db } from "./db";

export const cleaners = [];

for (const table of ["notes", "tags"]) {
  cleaners.push(async () => {
    "use server";
    await db[table].clear();
  });
}
