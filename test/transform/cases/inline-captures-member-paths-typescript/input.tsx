import type { Note, User } from "./types";
import { db } from "./db";

type Props = { note?: Note; user: User | null; extra: Record<string, unknown> };

export function NoteCard(props: Props) {
  const save = async (title: string): Promise<string> => {
    "use server";
    // Type assertions and non-null assertions leave a path as it is.
    await db.save(props.note!.id, (props.user as User).name, title);
    return (props.extra satisfies object).label as string;
  };
  return <form action={save} />;
}
