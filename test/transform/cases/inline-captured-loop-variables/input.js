import { db } from "./db";

export function Inbox({ messages, folders }) {
  const actions = [];
  for (const message of messages) {
    actions.push(async () => {
      "use server";
      await db.messages.markRead(message.id);
    });
  }
  for (let index = 0; index < folders.length; index++) {
    async function open() {
      "use server";
      return db.folders.open(folders[index]);
    }
    actions.push(open);
  }
  for (var page = 0; page < 3; page++) {
    actions.push(async () => {
      "use server";
      return db.messages.page(page);
    });
  }
  for (const key in folders) {
    actions.push(async () => {
      "use server";
      return key;
    });
  }
  return actions;
}
