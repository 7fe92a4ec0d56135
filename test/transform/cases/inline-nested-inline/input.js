import { db } from "./db";

export function Survey({ surveyId }) {
  async function start(respondent) {
    "use server";
    const session = await db.sessions.open(surveyId, respondent);
    async function answer(question, value) {
      "use server";
      await db.answers.add(surveyId, session, question, value);
    }
    return answer;
  }
  return start;
}
