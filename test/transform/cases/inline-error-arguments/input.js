import { db } from "./db";

export function Log() {
  async function write() {
    "use server";
    await db.log(arguments[0]); // error
  }
  async function writeLater() {
    "use server";
    const first = () => arguments[0]; // error
    function own() {
      return arguments.length; // its own `arguments`: fine
    }
    return [first(), own];
  }
  return { write, writeLater };
}
