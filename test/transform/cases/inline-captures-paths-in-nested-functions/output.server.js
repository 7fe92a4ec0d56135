import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$answer_4b9b73a8 = _registerServerReference(async (_captured, question, value) => {
  "use server";

  let props = {
      survey: {}
    },
    session = {};
  [props.survey.id, session.id] = await _openCapturedValues("4b9b73a8a6117f50add8f830171b3e4d4b68283b", _captured);
  await db.answers.add(props.survey.id, session.id, question, value);
}, "4b9b73a8a6117f50add8f830171b3e4d4b68283b", null);
export const $$start_136e2dbb = _registerServerReference(async (_captured2, respondent) => {
  "use server";

  // Nested functions read paths as the body does: the hoisted function rebuilds an ordinary
  // variable that they close over. The nested server function binds its own paths of it.
  let props = {
    survey: {}
  };
  [props.survey.id, props.survey.questions, props.survey.title] = await _openCapturedValues("136e2dbbee1f44878a1f90976da31dabff3136a1", _captured2);
  const session = await db.sessions.open(props.survey.id, respondent);
  const names = props.survey.questions.map(question => `${props.survey.title}: ${question}`);
  const answer = $$answer_4b9b73a8.bind(null, _captureValues("4b9b73a8a6117f50add8f830171b3e4d4b68283b", "answer", ["props.survey.id", "session.id"], () => [props?.survey?.id, session?.id]));
  return {
    names,
    answer
  };
}, "136e2dbbee1f44878a1f90976da31dabff3136a1", null);
export function Survey(props) {
  const start = $$start_136e2dbb.bind(null, _captureValues("136e2dbbee1f44878a1f90976da31dabff3136a1", "start", ["props.survey.id", "props.survey.questions", "props.survey.title"], () => [props?.survey?.id, props?.survey?.questions, props?.survey?.title]));
  return start;
}