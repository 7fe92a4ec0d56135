'use client';
// Calls a server function passed from a server component, in a transition: the button shows the call
// is running, and what the function throws goes to the nearest error boundary.
import { useTransition } from 'react';

export default function Button({ onClick, id, children = 'Create Empty Note' }) {
  const [isPending, startTransition] = useTransition();
  return (
    <button id={id} type="button" className="secondary" disabled={isPending} onClick={() => startTransition(() => onClick())}>
      {isPending ? 'Creating…' : children}
    </button>
  );
}
