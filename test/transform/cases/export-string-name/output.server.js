"use server";__registerServerReference(searchNotes, "e0868769fffb25a5ebd8fde42ff59f7a2809349b", null);__registerServerReference(countNotes, "2e8e3f09704b29d2f0bbca60d8246db94f734d96", null);
import { search } from "./search-index";

async function searchNotes(query) {
  return search(query);
}

async function countNotes() {
  return search("").length;
}

export { searchNotes as "search-notes", countNotes as "ünïcode count" };

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
