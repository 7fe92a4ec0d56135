'use client';
import { useActionState } from 'react';
import { updateName } from './actions';

export default function UpdateNameWithState() {
  const [state, submitAction, isPending] = useActionState(updateName, { error: null });
  return (
    <form id="state-form" action={submitAction}>
      <label htmlFor="state-name">Name</label>
      <input id="state-name" type="text" name="name" placeholder="Lin" disabled={isPending} />
      <button type="submit" disabled={isPending}>Update</button>
      {isPending && <span className="pending">Saving…</span>}
      {state.error && <span className="error">Failed: {state.error}</span>}
      {state.name && <span className="result">Saved: {state.name}</span>}
    </form>
  );
}
