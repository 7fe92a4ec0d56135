"use server";__registerServerReference2(createNote, "1e3f16d614bff0a2132693727dc2c9e78aa0a417", null);
import { registerServerReference as __registerServerReference } from "./not-react";

const __registerServerReference1 = () => {};

export async function createNote(title) {
  __registerServerReference1(__registerServerReference);
  return { title };
}

;import { registerServerReference as __registerServerReference2 } from "react-server-dom-webpack/server";
