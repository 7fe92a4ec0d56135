import { db } from "./db";

export function Toolbar({ noteId }) {
  const archive = async function () {
    "use server";
    await db.archive(noteId);
  };
  const restore = async function restoreNote(version) {
    "use server";
    await db.restore(noteId, version);
  };
  const refresh = async function () {
    "use server";
    return db.count();
  };
  return { archive, restore, refresh };
}
