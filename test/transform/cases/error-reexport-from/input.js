"use server";

export { createNote } from "./actions"; // error: re-exports another module
