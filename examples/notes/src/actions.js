'use server';
// Server functions, as in React's docs: imported by client components and passed from server ones.
import { redirect } from 'webpack-server-actions/runtime';
import { endUserSession, startUserSession } from './session';
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

// A name to sign in with: letters and digits, with spaces, dots, dashes, underscores or apostrophes
// between them; 32 characters at most.
const USER_NAME = /^[\p{L}\p{N}](?:[\p{L}\p{N} ._'-]{0,30}[\p{L}\p{N}])?$/u;

// Sign in with a name alone: a demo, with no password, so anyone can sign in as anyone. What it shows
// is the session: a cookie the server signs, set by a server function on its answer (a call's, or the
// 303 of a form posted without JavaScript). A real app checks a password or a passkey here first.
export async function signIn(formData) {
  const name = formData instanceof FormData ? String(formData.get('username') ?? '').normalize('NFC').trim() : '';
  if (!USER_NAME.test(name)) {
    throw new Error('Sign in with a name of 1 to 32 letters or digits (spaces, dots, dashes, underscores or apostrophes between them).');
  }
  await startUserSession(name);
}

export async function signOut() {
  endUserSession();
}
