"use strict";
import { db } from "./db";

export function Page({ pageId }) {
  async function publish() {
    "use strict";
    "use server";
    await db.pages.publish(pageId);
  }
  return publish;
}
