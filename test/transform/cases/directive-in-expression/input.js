"use server" + suffix;

export async function createNote(title) {
  return { title };
}
