'use server';
// Every export of this file is a server function: it runs on the server when the browser calls it.
// Any browser can call it with any arguments, so each one checks what it is given.
import { store } from './store';

/** Adds a like and returns the new count (LikeButton calls it, with JavaScript or without). */
export async function like(): Promise<number> {
  return store.like();
}

export type SubscribeState = { error?: string; subscribed?: string } | null;

/** A useActionState action: it gets the state it returned last time and the form's data. */
export async function subscribe(_previous: SubscribeState, formData: FormData): Promise<SubscribeState> {
  const email = String(formData.get('email') ?? '').trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return { error: 'Enter an email address, such as ada@example.com.' };
  await store.subscribe(email);
  return { subscribed: email };
}
