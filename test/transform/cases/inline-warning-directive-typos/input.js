// With `directiveTypos: "warning"`, slips are warnings: the module builds, and only the function
// whose directive is spelled right is a server function.
import { db } from "./db";

export function Page({ pageId }) {
  async function publish() {
    "use sever"; // warning
    await db.publish(pageId);
  }
  const unpin = async () => {
    "use action"; // warning
    await db.unpin(pageId);
  };
  async function remove() {
    "use server";
    await db.remove(pageId);
  }
  return { publish, unpin, remove };
}
