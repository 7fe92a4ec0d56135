'use client';
import { useState, useTransition } from 'react';
import { updateName } from './actions';

export default function UpdateName() {
  const [name, setName] = useState('');
  const [error, setError] = useState(null);
  const [isPending, startTransition] = useTransition();
  const submitAction = async () => {
    startTransition(async () => {
      const { error } = await updateName(name);
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
      <input type="text" name="name" value={name} onChange={(event) => setName(event.target.value)} disabled={isPending} />
      <button type="submit" disabled={isPending}>Update</button>
      {isPending && <span className="pending">Saving…</span>}
      {error && <span className="error">Failed: {error}</span>}
    </form>
  );
}
