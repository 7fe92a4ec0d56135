import { db } from "./db";

export default function Comments({ postId }) {
  async function addComment(formData) {
    "use server"; // error
    await db.comments.add(postId, formData.get("text"));
  }
  return <form action={addComment} />;
}
