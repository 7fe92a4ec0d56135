import { db } from "./db";

// A private method only its class may call: as a server function, any browser could.
export class NoteStore {
  static async #purge(id) {
    "use server"; // error
    await db.purge(id);
  }

  static async #restore(id) {
    "use server"; // error
    await db.restore(id);
  }

  async #touch(id) {
    "use server"; // error
    await db.touch(id);
  }

  static purgeLater(id) {
    return NoteStore.#purge(id);
  }
}
