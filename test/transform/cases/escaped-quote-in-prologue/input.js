'it\'s a prologue';
"use server";

export async function createNote(title) {
  return { title };
}
