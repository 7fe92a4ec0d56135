'use server';__registerServerReference(createNote, "741da7183720a4f158a22cd14403f778a9cd04ad", null);

export async function createNote(title) {
  return { title }
}

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
