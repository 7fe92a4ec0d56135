'use server';
// Server functions: every export of this file runs on the server, and the browser calls it over
// HTTP. Any browser can call them with any arguments, so each one checks what it is given.
import { store } from './store';

/** Adds a like and returns the new count (LikeButton calls it, with JavaScript or without). */
export async function like(): Promise<number> {
  return store.like();
}

export type SubscribeState = { error?: string; subscribed?: string } | null;

/**
 * A useActionState action: React passes the state it returned last time and the form's data, and
 * shows what it returns. A mistake in the input is returned as state, not thrown.
 */
export async function subscribe(_previous: SubscribeState, formData: FormData): Promise<SubscribeState> {
  const email = String(formData.get('email') ?? '').trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return { error: 'Enter an email address, such as ada@example.com.' };
  await store.subscribe(email);
  return { subscribed: email };
}
