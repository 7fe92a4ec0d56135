"use server";__registerServerReference(createNote, "637bf5a6cc25766043982d9a4ef32945e7b5140b", null);__registerServerReference(archive, "dcd175dbe3179df10f81b75da01cbb96715a3637", null);
import { db } from "./db";

// One function under several names: each name is an action of its own.
async function createNote(title) {
  return db.insert({ title });
}

export { createNote, __serverFunction_addNote as addNote };

export const deleteNote = async (id) => db.delete(id);__registerServerReference(deleteNote, "6deb4684a48ddba70eb0f43ceb055a74c866a6c3", null);
export { __serverFunction_default as default };

// An alias may come before the function it names: function declarations are hoisted.
export { __serverFunction_hide as hide };
export async function archive(id) {
  return db.update(id, { archived: true });
}
export const remove = __registerServerExport((deleteNote), "ca70beb1604a6f95237826e36afe9638ee4780a2", "src/export-aliases/input.js", "remove");

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
import { registerServerExport as __registerServerExport } from "webpack-server-actions/runtime/register";
const __serverFunction_addNote = __registerServerExport(createNote, "5cf2b1d31bdd341bf54b51fc0139f434010c0447", "src/export-aliases/input.js", "addNote");
const __serverFunction_default = __registerServerExport(deleteNote, "8c232a541d763ccba089f4edf3cb538b7a23afc9", "src/export-aliases/input.js", "default");
const __serverFunction_hide = __registerServerExport(archive, "ffb4d701ce52a943f374163fddd87ae3e8284597", "src/export-aliases/input.js", "hide");
