'use client';
// A form's submit button that shows the form is being sent: useFormStatus reads the pending state of
// the <form> it is in, so a server component's form gets it without becoming a client component.
// Rendered enabled on the server and before hydration, where a submit is a plain post.
import { useFormStatus } from 'react-dom';

export default function SubmitButton({ children, pendingLabel = 'Saving…' }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}
