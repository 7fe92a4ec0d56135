"use server";
import { db } from "./db";

const __serverFunction_default = async (note) => {
  await db.save(note);
};__registerServerReference(__serverFunction_default, "f1ec0dbf74d86422bdd1253b885428f4c1456f08", null);

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
export default __serverFunction_default;
