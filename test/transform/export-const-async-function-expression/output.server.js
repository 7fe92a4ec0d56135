"use server";
import { db } from "./db";

export const renameNote = async function rename(id, title) {
  await db.update(id, { title });
};

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
__registerServerReference(renameNote, "093ea50a6f4e42086c9293ac93685f10c1f1674d", null);
