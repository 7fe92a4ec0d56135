"use server";
import { db } from "./db";

async function unused() {
  await db.vacuum();
}

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
