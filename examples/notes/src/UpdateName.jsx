'use client';
import { useState, useTransition } from 'react';
import { updateName } from './actions';

export default function UpdateName() {
  const [name, setName] = useState('');
  const [error, setError] = useState(null);
  const [isPending, startTransition] = useTransition();
  // What the form holds when it is submitted: the same as `name` once hydrated, and what was typed
  // when React replays a submit made before hydration (the state starts empty then).
  const submitAction = async (formData) => {
    const submitted = formData.get('name');
    startTransition(async () => {
      const { error } = await updateName(submitted);
      if (error) {
        setError(error);
      } else {
        setError(null);
        setName('');
      }
    });
  };
  return (
    <form id="transition-form" action={submitAction}>
      <label htmlFor="transition-name">Name</label>
      <input
        id="transition-name"
        type="text"
        name="name"
        placeholder="Ada"
        value={name}
        onChange={(event) => setName(event.target.value)}
        disabled={isPending}
      />
      <button type="submit" disabled={isPending}>Update</button>
      {isPending && <span className="pending">Saving…</span>}
      {error && <span className="error">Failed: {error}</span>}
    </form>
  );
}
