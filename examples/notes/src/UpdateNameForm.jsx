'use client';
import { updateName } from './actions';
import SubmitButton from './SubmitButton';

export default function UpdateNameForm() {
  return (
    <form id="action-form" action={updateName}>
      <label htmlFor="action-name">Name</label>
      <input id="action-name" type="text" name="name" placeholder="Grace" />
      <SubmitButton>Update</SubmitButton>
    </form>
  );
}
