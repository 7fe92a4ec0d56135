import { db } from "./db";

export function Panel({ kind, id }) {
  switch (kind) {
    case "archive":
      return archive;
    case "restore": {
      return restore;
      async function restore() {
        "use server";
        return db.restore(id);
      }
    }
    default:
      async function archive() {
        "use server";
        return db.archive(id);
      }
      return null;
  }
}
