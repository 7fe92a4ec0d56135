import { db } from "./db";

export class NoteStore {
  static async create(title) {
    "use server";
    return db.insert({ title });
  }

  static async archive(id) {
    "use server";
    await db.archive(id);
  }

  archiveLater(id) {
    return NoteStore.archive(id);
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
