import { db } from "./db";

export function Survey(props) {
  const start = async (respondent) => {
    "use server";
    // Nested functions read paths as the body does: the hoisted function rebuilds an ordinary
    // variable that they close over. The nested server function binds its own paths of it.
    const session = await db.sessions.open(props.survey.id, respondent);
    const names = props.survey.questions.map((question) => `${props.survey.title}: ${question}`);
    const answer = async (question, value) => {
      "use server";
      await db.answers.add(props.survey.id, session.id, question, value);
    };
    return { names, answer };
  };
  return start;
}
