import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$vote_c7c1817d = _registerServerReference(async function vote(_captured, voter) {
  "use server";

  let [pollId, votes, lastVoter] = await _openCapturedValues("c7c1817daa7b98f6b7309915b9c76860bfa85c2c", _captured);
  votes += 1;
  lastVoter = voter;
  await db.polls.vote(pollId, voter, votes);
}, "c7c1817daa7b98f6b7309915b9c76860bfa85c2c", null);
export function Poll({
  pollId
}) {
  var vote = $$vote_c7c1817d.bind(null, _captureValues("c7c1817daa7b98f6b7309915b9c76860bfa85c2c", "vote", ["pollId", "votes", "lastVoter"], () => [pollId, votes, lastVoter]));
  let votes = 0;
  let lastVoter;
  return vote;
}