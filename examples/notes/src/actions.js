'use server';
// Server functions, as in React's docs: imported by client components and passed from server ones.
import { db } from './store';

export async function createNote(title) {
  const note = await db.notes.create(String(title ?? '').slice(0, 200));
  return note;
}

export async function createEmptyNote() {
  await db.notes.create();
}

export async function updateName(...args) {
  // Called with a string from startTransition, with the form's FormData from <form action>, or with
  // (previousState, formData) from useActionState: the input is always the last argument.
  const input = args.at(-1);
  const name = typeof input === 'string' ? input : input?.get?.('name');
  if (!name) {
    return { error: 'Name is required' };
  }
  await db.users.updateName(String(name).slice(0, 100));
  return { error: null };
}
