import { db } from "./db";

export function Widget() {
  async function save() {
    "use server";
    await db.save(this.value); // error
  }
  async function later() {
    "use server";
    const read = () => this.value; // error
    function own() {
      return this.value; // its own `this`: fine
    }
    return [read(), own];
  }
  return { save, later };
}
