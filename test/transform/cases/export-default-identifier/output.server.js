"use server";
import { db } from "./db";

const saveNote = async (note) => {
  await db.save(note);
};__registerServerReference(saveNote, "b0de7fc995d3bcdbc9ad6992782b5e89a3bc5016", null);

export default saveNote;

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
