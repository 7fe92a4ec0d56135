"use client";
import { db } from "./db";

export function LikeButton({ postId }) {
  async function like() {
    "use server"; // error
    await db.likes.add(postId);
  }
  return <button onClick={() => like()}>Like</button>;
}

export const unlike = async (postId) => {
  "use server"; // error
  await db.likes.remove(postId);
};
