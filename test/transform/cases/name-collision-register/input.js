"use server";
import { registerServerReference as __registerServerReference } from "./not-react";

const __registerServerReference1 = () => {};

export async function createNote(title) {
  __registerServerReference1(__registerServerReference);
  return { title };
}
