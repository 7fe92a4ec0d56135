import { db } from "./db";

export function Poll({ pollId }) {
  let votes = 0;
  let lastVoter;
  async function vote(voter) {
    "use server";
    votes += 1;
    lastVoter = voter;
    await db.polls.vote(pollId, voter, votes);
  }
  return vote;
}
