import type { Note } from "./types";
import { db } from "./db";

type Props = { noteId: string; note: Note };

export function NoteEditor({ noteId, note }: Props) {
  const limit: number = 10;
  const fallbackTitle = note.title as string;
  async function save(title: string, tags?: string[]): Promise<void> {
    "use server";
    const row: Note = { ...note, title };
    await db.save<Note>(noteId, row, tags?.slice(0, limit));
  }
  async function rename(title: string = fallbackTitle): Promise<void> {
    "use server";
    await db.rename(noteId, title);
  }
  const remove = async (reason: typeof fallbackTitle): Promise<boolean> => {
    "use server";
    return db.remove(noteId, reason);
  };
  return (
    <form action={save}>
      <button formAction={rename}>Rename</button>
      <button formAction={remove as unknown as (data: FormData) => void}>Remove</button>
    </form>
  );
}
