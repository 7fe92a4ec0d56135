'use client';
// React's docs' progressive enhancement: with a permalink, a form submitted before the JavaScript
// loads posts to /name/update, and the server answers with that page, showing the state.
import { useActionState } from 'react';
import { updateName } from './actions';

export default function UpdateNameWithPermalink() {
  const [state, submitAction, isPending] = useActionState(updateName, null, '/name/update');
  return (
    <form id="permalink-form" action={submitAction}>
      <label htmlFor="permalink-name">Name</label>
      <input id="permalink-name" type="text" name="name" placeholder="Kay" disabled={isPending} />
      <button type="submit" disabled={isPending}>Update</button>
      {isPending && <span className="pending">Saving…</span>}
      {state?.error && <span className="error">Failed: {state.error}</span>}
      {state?.name && <span className="result">Saved: {state.name}</span>}
    </form>
  );
}
