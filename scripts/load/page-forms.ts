/**
 * The hidden fields of the notes page's forms, as a browser without JavaScript submits them: read from
 * the server-rendered HTML once, then posted as often as the load test likes (a page's forms stay
 * valid: bound arguments travel as they are).
 */
import { hiddenFields } from '../../test/helpers/http';

export type Fields = Array<[string, string]>;

export interface PageForms {
  /** `<form action={updateName}>` (UpdateNameForm): `$ACTION_ID_<id>`. */
  updateName: Fields;
  /** useActionState(updateName) (UpdateNameWithState): `$ACTION_REF_`, its bound state, `$ACTION_KEY`. */
  updateNameWithState: Fields;
  /** `renameNote.bind(null, id)` of each note on the page, by note id. */
  renameNote: Map<number, Fields>;
}

export function readPageForms(html: string, noteIds: number[]): PageForms {
  return {
    updateName: hiddenFields(html, 'action-form'),
    updateNameWithState: hiddenFields(html, 'state-form'),
    renameNote: new Map(noteIds.map((id) => [id, hiddenFields(html, `rename-note-${id}`)])),
  };
}

/** Text as React DOM escapes it in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#x27' }[char]};`);
}
