"use server";

async function createNote(title) {
  return { title };
}

export { createNote, createNote as addNote }; // error: one function, two IDs
