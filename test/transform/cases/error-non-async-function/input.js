"use server";

export function createNote(title) { // error: not async
  return { title };
}
