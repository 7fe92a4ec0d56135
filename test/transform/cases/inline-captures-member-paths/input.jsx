import { db } from "./db";
import { audit } from "./audit";

export default function NotePage(props) {
  const { user, items, labels } = props;

  const rename = async (title) => {
    "use server";
    // Two paths of two variables; the same path read twice is bound once.
    await db.notes.rename(props.note.id, title, user.name);
    return props.note.id;
  };

  const copy = async () => {
    "use server";
    // A path and a path under it: the parent holds the child.
    const note = props.note;
    return db.notes.copy(props.note.id, note, props.note.owner.id);
  };

  const pick = async (index) => {
    "use server";
    // Literal computed keys are paths; another computed key stops the path at its object.
    return [props["note"]["title"], items[0], items[1].label, props["data-kind"], labels.byIndex[index]];
  };

  const log = async () => {
    "use server";
    // Used whole: passed, destructured, spread, compared, `in`, `__proto__`.
    await audit(user);
    const { id } = items;
    return { ...labels, id, same: props === props.note, has: "note" in props, proto: user.__proto__ };
  };

  return <NoteView rename={rename} copy={copy} pick={pick} log={log} />;
}
