// This module mentions "use server" and 'use client' but has no directive.
export const help = 'Start a file with "use server" to make its exports server functions.';

export async function createNote(title) {
  return { title, note: "use server" };
}
