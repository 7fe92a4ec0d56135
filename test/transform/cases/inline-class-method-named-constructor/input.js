import { db } from "./db";

// A static method may be named constructor; a class field may not, unless its key is computed.
export class Notes {
  static async constructor(title) {
    "use server";
    return db.insert({ title });
  }

}

export class Drafts {
  static async "constructor"(title) {
    "use server";
    return db.drafts.insert({ title });
  }
}

export function Board({ boardId }) {
  class Columns {
    static async constructor(name) {
      "use server";
      return db.columns.add(boardId, name);
    }
  }
  return Columns;
}
