"use server";__registerServerReference(saveNote, "7f637c5490275239211270290843ce1b752df429", null);
import { db } from "./db";

export default async function saveNote(note) {
  await db.save(note);
}

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
