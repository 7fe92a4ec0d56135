import { db } from "./db";

export function Page({ pageId }) {
  function save() {
    "use server"; // error
    db.save(pageId);
  }
  const remove = () => {
    "use server"; // error
    db.remove(pageId);
  };
  const restore = function () {
    "use server"; // error
    db.restore(pageId);
  };
  const actions = {
    archive() {
      "use server"; // error
      db.archive(pageId);
    },
  };
  return { save, remove, restore, actions };
}
