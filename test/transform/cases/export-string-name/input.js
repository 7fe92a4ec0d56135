"use server";
import { search } from "./search-index";

async function searchNotes(query) {
  return search(query);
}

async function countNotes() {
  return search("").length;
}

export { searchNotes as "search-notes", countNotes as "ünïcode count" };
