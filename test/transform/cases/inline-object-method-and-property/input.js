import { db } from "./db";

export function noteActions(noteId) {
  return {
    async rename(title) {
      "use server";
      await db.rename(noteId, title);
    },
    archive: async () => {
      "use server";
      await db.archive(noteId);
    },
    restore: async function (version) {
      "use server";
      await db.restore(noteId, version);
    },
    "mark-read": async () => {
      "use server";
      await db.markRead(noteId);
    },
    ["pin"]: async function () {
      "use server";
      await db.pin(noteId);
    },
  };
}
