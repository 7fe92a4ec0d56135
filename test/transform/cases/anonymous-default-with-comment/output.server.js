"use server";__registerServerReference(__serverFunction_default, "95cffcb4291ad99342f61ec59eed7e1a5fb1afc8", null);
import { db } from "./db";

// The comment between the keywords must not be mistaken for the `function` keyword.
export default async /* function */ function __serverFunction_default (note) {
  await db.save(note);
}

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
