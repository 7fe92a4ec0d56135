import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
import { withLogging } from "./logging";
import { LikeButton } from "./like-button";
export const $$anonymous_27ad4320 = _registerServerReference(async _captured => {
  "use server";

  let [viewer] = await _openCapturedValues("27ad43207f0dc17112f33da0d5b96c2e0e52e8ac", _captured);
  return db.posts.latest(viewer);
}, "27ad43207f0dc17112f33da0d5b96c2e0e52e8ac", null);
export const $$anonymous_ad7c7762 = _registerServerReference(async _captured2 => {
  "use server";

  let viewer,
    post = {};
  [viewer, post.id] = await _openCapturedValues("ad7c77629248b1eac96898cc4d3aa2ef521896af", _captured2);
  await db.likes.add(viewer, post.id);
}, "ad7c77629248b1eac96898cc4d3aa2ef521896af", null);
export function Feed({
  posts,
  viewer
}) {
  const refresh = withLogging("refresh", $$anonymous_27ad4320.bind(null, _captureValues("27ad43207f0dc17112f33da0d5b96c2e0e52e8ac", "(anonymous)", ["viewer"], () => [viewer])));
  return <ul>
      {posts.map(post => <li key={post.id}>
          <LikeButton onLike={withLogging("like", $$anonymous_ad7c7762.bind(null, _captureValues("ad7c77629248b1eac96898cc4d3aa2ef521896af", "(anonymous)", ["viewer", "post.id"], () => [viewer, post?.id])))} />
        </li>)}
      <button onClick={refresh}>More</button>
    </ul>;
}