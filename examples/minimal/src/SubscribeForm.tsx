'use client';
// A form whose action is a server function, through useActionState: the form shows what the function
// returned. Without JavaScript the form posts, and the page it lands on shows the same state.
import { useActionState } from 'react';
import { subscribe } from './actions';

export default function SubscribeForm() {
  const [state, formAction, isPending] = useActionState(subscribe, null);
  return (
    <form id="subscribe" action={formAction}>
      <input name="email" type="text" placeholder="ada@example.com" aria-label="Email" />
      <button disabled={isPending}>{isPending ? 'Subscribing…' : 'Subscribe'}</button>
      {state?.error && <p role="alert">{state.error}</p>}
      {state?.subscribed && <p>Subscribed {state.subscribed}.</p>}
    </form>
  );
}
