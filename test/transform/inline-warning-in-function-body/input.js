import { db } from "./db";

export function Page({ pageId }) {
  async function save() {
    "use-server"; // warning
    await db.save(pageId);
  }
  async function publish() {
    "use sever"; // warning
    await db.publish(pageId);
  }
  async function archive() {
    "Use Server"; // warning
    await db.archive(pageId);
  }
  function Badge() {
    "use  client"; // warning
    return null;
  }
  async function remove() {
    "use server";
    await db.remove(pageId);
  }
  return { save, publish, archive, Badge, remove };
}
