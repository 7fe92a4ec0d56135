export class NoteList {
  async add(title) {
    "use server"; // error
    return title;
  }

  async #remove(id) {
    "use server"; // error
    return id;
  }

  static async fine() {
    "use server";
  }
}
