import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
import { withLogging } from "./logging";
import { LikeButton } from "./like-button";
export const $$anonymous_76eb15ac = _registerServerReference(async _captured => {
  "use server";

  let [viewer] = await _openCapturedValues("76eb15ac7f33b6edca6cdedfed3e67f2deb2de19", _captured);
  return db.posts.latest(viewer);
}, "76eb15ac7f33b6edca6cdedfed3e67f2deb2de19", null);
export const $$anonymous_7cda0ada = _registerServerReference(async _captured2 => {
  "use server";

  let viewer,
    post = {};
  [viewer, post.id] = await _openCapturedValues("7cda0ada24604cd2f7acd87c6ef3dbadd57a596d", _captured2);
  await db.likes.add(viewer, post.id);
}, "7cda0ada24604cd2f7acd87c6ef3dbadd57a596d", null);
export function Feed({
  posts,
  viewer
}) {
  const refresh = withLogging("refresh", $$anonymous_76eb15ac.bind(null, _captureValues("76eb15ac7f33b6edca6cdedfed3e67f2deb2de19", "(anonymous)", ["viewer"], () => [viewer])));
  return <ul>
      {posts.map(post => <li key={post.id}>
          <LikeButton onLike={withLogging("like", $$anonymous_7cda0ada.bind(null, _captureValues("7cda0ada24604cd2f7acd87c6ef3dbadd57a596d", "(anonymous)", ["viewer", "post.id"], () => [viewer, post?.id])))} />
        </li>)}
      <button onClick={refresh}>More</button>
    </ul>;
}