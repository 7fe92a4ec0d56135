"use server";
import { db } from "./db";

export const deleteNote = async (id) => {
  await db.delete(id);
};__registerServerReference(deleteNote, "be935f99b04cbb29ab8d0f7a8dbca472b922bc0d", null);

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
