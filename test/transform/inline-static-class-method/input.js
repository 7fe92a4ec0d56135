import { db } from "./db";

export class NoteStore {
  static async create(title) {
    "use server";
    return db.insert({ title });
  }

  static async #purge(id) {
    "use server";
    await db.purge(id);
  }

  purgeLater(id) {
    return NoteStore.#purge(id);
  }
}

export function Board({ boardId }) {
  class Columns {
    static async add(name) {
      "use server";
      return db.columns.add(boardId, name);
    }
  }
  return Columns.add;
}
