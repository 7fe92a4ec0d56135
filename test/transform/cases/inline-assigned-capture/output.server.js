import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$vote_563eafcc = _registerServerReference(async function vote(_captured, voter) {
  "use server";

  let [pollId, votes, lastVoter] = await _openCapturedValues("563eafcc905562b36c9ed1212aac03edf03b624f", _captured);
  votes += 1;
  lastVoter = voter;
  await db.polls.vote(pollId, voter, votes);
}, "563eafcc905562b36c9ed1212aac03edf03b624f", null);
export function Poll({
  pollId
}) {
  var vote = $$vote_563eafcc.bind(null, _captureValues("563eafcc905562b36c9ed1212aac03edf03b624f", "vote", ["pollId", "votes", "lastVoter"], () => [pollId, votes, lastVoter]));
  let votes = 0;
  let lastVoter;
  return vote;
}