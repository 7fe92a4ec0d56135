import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { db } from "./db";
export async function createNote(title) {
  "use server";

  return db.insert({
    title
  });
}
_registerServerReference(createNote, "7b024c5d7ea181b56bc2edc9cdcb535c38f5a3fe", null);
export { createNote as $$createNote_7b024c5d };