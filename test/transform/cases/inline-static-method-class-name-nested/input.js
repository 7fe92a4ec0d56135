import { db } from "./db";

export function Board({ boardId }) {
  class Columns {
    static async add(name) {
      "use server";
      return Columns.insert(boardId, name);
    }
    static insert(board, name) {
      return db.columns.add(board, name);
    }
  }
  return Columns.add;
}
