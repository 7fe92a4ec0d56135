"use server";__registerServerReference(createNote, "50238243faca89fa8caf46091f189930c9f13922", null);__registerServerReference(archive, "42850f004aa9ddb5a39c75d69a008ff82453512d", null);__registerServerReference(searchNotes, "f4c90288b4485184f8fe18cd7ff5d6e96cf611d3", null);__registerServerReference(__serverFunction_default, "43e042b8d0e1839283206854f3d6ca5d1bff799b", null);
import { db } from "./db";
import { log } from "../log";

export async function createNote(title) {
  log("create", title);
  return db.insert({ title });
}

export const deleteNote = async (id) => db.delete(id),
  renameNote = async function (id, title) {
    return db.update(id, { title });
  };__registerServerReference(deleteNote, "c1ffef5bd850076bf8563e678871d2b8620487bd", null);__registerServerReference(renameNote, "102c18ffaef435dfc4619f1b1b0fb30fa72fe385", null);

async function archive(id) {
  return db.update(id, { archived: true });
}

const restore = async (id) => db.update(id, { archived: false });__registerServerReference(restore, "116be234c1e33df50229cd01bfc19537400763d0", null);

export { archive, restore as unarchive, searchNotes as "search-notes" };

async function searchNotes(query) {
  return db.search(query);
}

export default async function __serverFunction_default () {
  return db.count();
}

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
