'use server';
// Server functions, as in React's docs: imported by client components and passed from server ones.
import { redirect } from 'webpack-server-actions/runtime';
import { db } from './store';

const MAX_TITLE_LENGTH = 100;

export async function createNote(title) {
  const text = String(title ?? '');
  // Thrown, not returned: the caller's promise rejects, and CreateNote shows the error.
  if (text.length > MAX_TITLE_LENGTH) throw new Error(`A title is at most ${MAX_TITLE_LENGTH} characters.`);
  return db.notes.create(text);
}

export async function createEmptyNote() {
  await db.notes.create();
}

// A form action that ends with a redirect: to the page of the new note.
export async function addNote(formData) {
  const note = await db.notes.create(String(formData.get('title') ?? '').slice(0, MAX_TITLE_LENGTH));
  redirect(`/?note=${note.id}`);
}

// Bound to a note's id by the server component that renders the form (`renameNote.bind(null, id)`).
// Bound arguments travel in the page as they are: the browser can change them, so a server function
// checks them like any other argument. Throws when the note is gone: without JavaScript the page shows
// an error state, with JavaScript the form's error boundary does.
export async function renameNote(id, formData) {
  const title = String(formData.get('title') ?? '').slice(0, MAX_TITLE_LENGTH);
  if (!(await db.notes.rename(Number(id), title))) throw new Error(`There is no note ${Number(id)} to rename.`);
}

export async function updateName(...args) {
  // Called with a string from startTransition, with the form's FormData from <form action>, or with
  // (previousState, formData) from useActionState: the input is always the last argument.
  const input = args.at(-1);
  const name = typeof input === 'string' ? input : input?.get?.('name');
  if (!name) {
    return { error: 'Name is required' };
  }
  const saved = String(name).slice(0, 100);
  await db.users.updateName(saved);
  return { error: null, name: saved };
}
