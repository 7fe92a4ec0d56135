import { db } from "./db";

export function Profile({ userId, name, bio }) {
  // The parameter `name` shadows the prop: only `userId` is captured.
  async function rename(name) {
    "use server";
    await db.users.rename(userId, name);
  }
  // The block's own `bio` shadows the prop in that block only: `bio` is captured for the last line.
  async function updateBio(draft) {
    "use server";
    if (draft) {
      const bio = draft.trim();
      await db.users.saveDraft(userId, bio);
    }
    return bio;
  }
  // A local variable with the name of a prop: nothing is captured.
  async function greet() {
    "use server";
    const name = "guest";
    return `Hello, ${name}`;
  }
  return { rename, updateBio, greet };
}
