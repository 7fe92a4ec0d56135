import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { db } from "./db";
export const $$create_1c38734d = _registerServerReference(async function create(title) {
  "use server";

  return NoteStore.insert(title);
}, "1c38734d1f914f40200d0751911435011b28e48e", null);
export class NoteStore {
  static create = $$create_1c38734d;
  static insert(title) {
    return db.insert({
      title
    });
  }
}