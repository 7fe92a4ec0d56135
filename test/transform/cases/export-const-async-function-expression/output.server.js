"use server";
import { db } from "./db";

export const renameNote = async function rename(id, title) {
  await db.update(id, { title });
};__registerServerReference(renameNote, "093ea50a6f4e42086c9293ac93685f10c1f1674d", null);

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
