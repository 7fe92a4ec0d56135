// Two spaces: a plain string, so these functions would be bundled for every client that imports them.
'use  server'; // error
import { db } from "./db";

export async function deleteNote(id) {
  await db.delete(id, process.env.ADMIN_TOKEN);
}
