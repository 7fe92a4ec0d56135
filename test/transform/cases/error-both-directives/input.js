"use server";
"use client"; // error: two directives

export async function createNote(title) {
  return { title };
}
