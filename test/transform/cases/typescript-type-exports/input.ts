"use server";
import type { Db } from "./db";
import { db } from "./db";

export type Note = { id: string; title: string };
export interface NoteInput {
  title: string;
}
export type { Db } from "./db";
export type * from "./types";
export { type Db as Database };
export declare function declared(): Promise<void>;

export async function createNote(input: NoteInput): Promise<Note>;
export async function createNote(input: NoteInput, draft: boolean): Promise<Note>;
export async function createNote(input: NoteInput, draft = false): Promise<Note> {
  return (db as Db).insert({ ...input, draft });
}

export const renameNote = async <T extends Note>(note: T, title: string): Promise<T> => ({ ...note, title });
