"use server";

export async function* streamNotes() { // error: async generator
  yield 1;
}

function* pages() {
  yield 1;
}

export { pages }; // error: generator
