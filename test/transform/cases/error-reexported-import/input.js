"use server";
import { createNote } from "./actions";

export { createNote }; // error: imported
