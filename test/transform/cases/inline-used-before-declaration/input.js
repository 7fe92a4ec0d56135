import { db } from "./db";

export function Settings({ userId, canDelete }) {
  const handlers = { save, reset };
  if (canDelete) {
    handlers.remove = remove;
    handlers.removeLater = removeLater;
    async function remove() {
      "use server";
      await db.users.delete(userId);
    }
    async function removeLater() {
      "use server";
      await db.users.scheduleDelete(userId);
    }
  }
  return handlers;

  async function save(settings) {
    "use server";
    await db.settings.save(userId, settings);
  }

  async function reset() {
    "use server";
    await db.settings.reset();
  }
}
