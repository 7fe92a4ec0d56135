// A file-backed store, so that notes and the name survive a restart. Writes are serialised and atomic
// (write to a temporary file, then rename), so a crash never leaves half a file.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callerSession, callerUser } from './session';

const dataDir = process.env.NOTES_DATA_DIR || join(process.cwd(), 'examples/notes/data');
const file = join(dataDir, 'store.json');
const empty = { notes: [], name: 'friend', nextId: 1 };

function read() {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return structuredClone(empty);
  }
}

let queue = Promise.resolve();

function update(change) {
  const run = queue.then(() => {
    const data = read();
    const before = JSON.stringify(data);
    const result = change(data);
    // A change that changed nothing (someone else's note, a note already gone) leaves the file as it is.
    if (JSON.stringify(data) === before) return result;
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(data, null, 2));
    renameSync(`${file}.tmp`, file);
    return result;
  });
  queue = run.catch(() => {});
  return run;
}

function isWriter(note, { user, session }) {
  if (note.author) return user !== null && note.author === user;
  return session !== null && note.owner === session;
}

export const db = {
  notes: {
    list: async () => read().notes,
    /**
     * A new note, written by the caller of the running server function: its signed-in user (`author`,
     * null when signed out) and its browser's anonymous session (`owner`, null when it has none).
     */
    create: async (title = '') => {
      const writer = { owner: callerSession(), author: await callerUser() };
      return update((data) => {
        const note = { id: data.nextId++, title, createdAt: new Date().toISOString(), ...writer };
        data.notes.push(note);
        return note;
      });
    },
    /**
     * Deletes note `id` if `caller` ({ user, session }) wrote it, checked and done in one write: a note
     * with an author only for that user, signed in; a note written signed out only for its session.
     * Resolves with 'deleted', 'missing' (deleted before), or 'forbidden' (nothing changes).
     */
    delete: (id, caller) =>
      update((data) => {
        const note = data.notes.find((candidate) => candidate.id === id);
        if (!note) return 'missing';
        if (!isWriter(note, caller)) return 'forbidden';
        data.notes = data.notes.filter((candidate) => candidate !== note);
        return 'deleted';
      }),
    /** Whether there was a note with this id to rename. */
    rename: (id, title) =>
      update((data) => {
        const note = data.notes.find((candidate) => candidate.id === id);
        if (note) note.title = title;
        return Boolean(note);
      }),
  },
  users: {
    getName: async () => read().name,
    updateName: (name) =>
      update((data) => {
        data.name = name;
      }),
  },
};
