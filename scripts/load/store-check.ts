/**
 * The store read back after the run, against what the load test wrote: no write lost, none applied
 * twice, nothing else changed.
 * - every createNote call's note is there exactly once (titles are unique), with the id its answer
 *   returned, and nextId counts them;
 * - the name and each renamed note hold a value a write may have left last (see write-log.ts);
 * - the seeded notes are otherwise as seeded, and there is no other note.
 */
import type { CreatedNote } from './mix';
import type { WriteLog } from './write-log';

export interface StoredNote {
  id: number;
  title: string;
  createdAt: string;
  owner?: string;
}

export interface Store {
  notes: StoredNote[];
  name: string;
  nextId: number;
}

function finalValueProblem(target: string, value: string, seeded: string, writes: WriteLog): string | undefined {
  const candidates = writes.finalCandidates(target);
  if (candidates === undefined) return value === seeded ? undefined : `${target} is ${JSON.stringify(value)}, though nothing was written to it`;
  if (candidates.has(value)) return undefined;
  if (writes.sent(target).has(value)) return `${target} ends as ${JSON.stringify(value)}, a write that a later one should have replaced (lost write)`;
  return `${target} is ${JSON.stringify(value)}, which was never sent to it`;
}

function seededNoteProblems(store: Store, seeded: Store, writes: WriteLog): string[] {
  const problems: string[] = [];
  for (const original of seeded.notes) {
    const copies = store.notes.filter((note) => note.id === original.id);
    if (copies.length !== 1) {
      problems.push(`seeded note ${original.id} is in the store ${copies.length} times`);
      continue;
    }
    const { title, ...rest } = copies[0];
    const { title: seededTitle, ...seededRest } = original;
    if (JSON.stringify(rest) !== JSON.stringify(seededRest)) problems.push(`seeded note ${original.id} changed: ${JSON.stringify(copies[0])}`);
    const problem = finalValueProblem(`note ${original.id}`, title, seededTitle, writes);
    if (problem) problems.push(problem);
  }
  return problems;
}

function createdNoteProblems(store: Store, seeded: Store, created: CreatedNote[]): string[] {
  const problems: string[] = [];
  const seededIds = new Set(seeded.notes.map((note) => note.id));
  const others = store.notes.filter((note) => !seededIds.has(note.id));
  const byTitle = new Map(created.map((note) => [note.title, note]));
  for (const note of created) {
    const copies = others.filter((stored) => stored.title === note.title);
    if (copies.length !== 1) problems.push(`created note ${JSON.stringify(note.title)} is in the store ${copies.length} times`);
    else if (note.returned && (note.returned.id !== copies[0].id || note.returned.title !== note.title)) {
      problems.push(`createNote returned ${JSON.stringify(note.returned)}, the store holds ${JSON.stringify(copies[0])}`);
    } else if (note.session !== undefined && copies[0].owner !== undefined && copies[0].owner !== note.session) {
      problems.push(`created note ${copies[0].id} has owner ${JSON.stringify(copies[0].owner)}, not its creator's session`);
    }
  }
  for (const note of others) {
    if (!byTitle.has(note.title)) problems.push(`note ${JSON.stringify(note)} was never created by the load test`);
    if (!(note.id >= seeded.nextId && note.id < store.nextId)) problems.push(`note ${note.id} has an id outside [${seeded.nextId}, ${store.nextId})`);
  }
  if (new Set(store.notes.map((note) => note.id)).size !== store.notes.length) problems.push('two notes share an id');
  if (store.nextId !== seeded.nextId + created.length) {
    problems.push(`nextId is ${store.nextId}, expected ${seeded.nextId + created.length} after ${created.length} createNote calls`);
  }
  return problems;
}

export function storeProblems(store: Store, seeded: Store, writes: WriteLog, created: CreatedNote[]): string[] {
  const extraKeys = Object.keys(store).filter((key) => !(key in seeded));
  return [
    ...(extraKeys.length > 0 ? [`the store has keys it was not seeded with: ${extraKeys.join(', ')}`] : []),
    ...[finalValueProblem('name', store.name, seeded.name, writes)].filter((problem) => problem !== undefined),
    ...seededNoteProblems(store, seeded, writes),
    ...createdNoteProblems(store, seeded, created),
  ];
}
