import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$answer_f7fe39de = _registerServerReference(async (_captured, question, value) => {
  "use server";

  let props = {
      survey: {}
    },
    session = {};
  [props.survey.id, session.id] = await _openCapturedValues("f7fe39de1c28be60c29cb3e8d7367b50d19a2b3c", _captured);
  await db.answers.add(props.survey.id, session.id, question, value);
}, "f7fe39de1c28be60c29cb3e8d7367b50d19a2b3c", null);
export const $$start_9be4c366 = _registerServerReference(async (_captured2, respondent) => {
  "use server";

  // Nested functions read paths as the body does: the hoisted function rebuilds an ordinary
  // variable that they close over. The nested server function binds its own paths of it.
  let props = {
    survey: {}
  };
  [props.survey.id, props.survey.questions, props.survey.title] = await _openCapturedValues("9be4c3664d731b27ccda3607573cdccb8a855faa", _captured2);
  const session = await db.sessions.open(props.survey.id, respondent);
  const names = props.survey.questions.map(question => `${props.survey.title}: ${question}`);
  const answer = $$answer_f7fe39de.bind(null, _captureValues("f7fe39de1c28be60c29cb3e8d7367b50d19a2b3c", "answer", ["props.survey.id", "session.id"], () => [props?.survey?.id, session?.id]));
  return {
    names,
    answer
  };
}, "9be4c3664d731b27ccda3607573cdccb8a855faa", null);
export function Survey(props) {
  const start = $$start_9be4c366.bind(null, _captureValues("9be4c3664d731b27ccda3607573cdccb8a855faa", "start", ["props.survey.id", "props.survey.questions", "props.survey.title"], () => [props?.survey?.id, props?.survey?.questions, props?.survey?.title]));
  return start;
}