"use server";
import { actions } from "./actions";

export const { createNote, deleteNote } = actions; // error: cannot be checked
