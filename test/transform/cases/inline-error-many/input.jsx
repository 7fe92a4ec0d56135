import { db } from "./db";

export function Dashboard({ userId }) {
  async function fine() {
    "use server";
    await db.touch(userId);
  }
  function notAsync() {
    "use server"; // error
  }
  async function* generator() {
    "use server"; // error
  }
  async function usesThis() {
    "use server";
    return this; // error
  }
  async function misplaced() {
    await fine();
    "use server"; // error
  }
  return <Panel actions={{ fine, notAsync, generator, usesThis, misplaced }} />;
}
