import { db } from "./db";

export function Page({ pageId }) {
  async function save() {
    "use-server"; // error
    await db.save(pageId);
  }
  async function publish() {
    "use sever"; // error
    await db.publish(pageId);
  }
  async function archive() {
    "Use Server"; // error
    await db.archive(pageId);
  }
  async function restore() {
    'use  server'; // error
    await db.restore(pageId);
  }
  const pin = async () => {
    "use strict";
    "use action"; // error
    await db.pin(pageId);
  };
  const unpin = async function () {
    ("use server"); // error
    await db.unpin(pageId);
  };
  function Badge() {
    "use  client"; // error
    return null;
  }
  async function remove() {
    "use server";
    await db.remove(pageId);
  }
  return { save, publish, archive, restore, pin, unpin, Badge, remove };
}
