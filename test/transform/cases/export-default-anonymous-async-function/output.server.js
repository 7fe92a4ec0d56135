"use server";__registerServerReference(__serverFunction_default, "5015b68cb05615364aa90c5cc3fed7d71fe6e315", null);
import { db } from "./db";

export default async function __serverFunction_default (note) {
  await db.save(note);
}

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
