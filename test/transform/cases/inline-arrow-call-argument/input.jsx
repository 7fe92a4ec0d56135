import { db } from "./db";
import { withLogging } from "./logging";
import { LikeButton } from "./like-button";

export function Feed({ posts, viewer }) {
  const refresh = withLogging("refresh", async () => {
    "use server";
    return db.posts.latest(viewer);
  });
  return (
    <ul>
      {posts.map((post) => (
        <li key={post.id}>
          <LikeButton
            onLike={withLogging("like", async () => {
              "use server";
              await db.likes.add(viewer, post.id);
            })}
          />
        </li>
      ))}
      <button onClick={refresh}>More</button>
    </ul>
  );
}
