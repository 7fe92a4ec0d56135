'use server'

export async function createNote(title) {
  return { title }
}
