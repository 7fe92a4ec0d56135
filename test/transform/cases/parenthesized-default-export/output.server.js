"use server";
import { db } from "./db";

const __serverFunction_default = (async (note) => {
  await db.save(note);
});__registerServerReference(__serverFunction_default, "b11072e46b78b0d172f7e51136026d601346aba2", null);

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
export default __serverFunction_default;
