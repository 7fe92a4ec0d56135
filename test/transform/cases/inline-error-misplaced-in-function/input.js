import { db } from "./db";

export function Page({ pageId }) {
  async function save() {
    await db.touch(pageId);
    "use server"; // error
    await db.save(pageId);
  }
  const publish = async () => {
    // A comment does not count, but a statement does.
    const when = Date.now();
    "use server"; // error
    await db.publish(pageId, when);
  };
  async function render() {
    const html = await db.render(pageId);
    "use client"; // error
    return html;
  }
  return { save, publish, render };
}
