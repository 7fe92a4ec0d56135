import { db } from "./db";

export class NoteStore {
  static async create(title) {
    "use server";
    return NoteStore.insert(title);
  }

  static insert(title) {
    return db.insert({ title });
  }
}
