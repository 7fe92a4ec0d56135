import { Store } from "./store";

export class NoteStore extends Store {
  static async create(title) {
    "use server";
    return super.create(title); // error
  }

  static async createMany(titles) {
    "use server";
    return Promise.all(titles.map((title) => super.create(title))); // error
  }
}
