// Server Component: React's docs' first example, as written. The server function is created inline;
// the loader hoists it and the Button gets a reference to it.
import Button from './Button';
import { db } from './store';

export default function EmptyNote () {
  async function createNoteAction() {
    // Server Function
    'use server';
    
    await db.notes.create();
  }
  return <Button onClick={createNoteAction}/>;
}
