import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$answer_4f7b2f6b = _registerServerReference(async function answer(_captured, question, value) {
  "use server";

  let [surveyId, session] = await _openCapturedValues("4f7b2f6bf8bdb53bc76be78631837ad25c7e7dc2", _captured);
  await db.answers.add(surveyId, session, question, value);
}, "4f7b2f6bf8bdb53bc76be78631837ad25c7e7dc2", null);
export const $$start_440641c4 = _registerServerReference(async function start(_captured2, respondent) {
  "use server";

  let [surveyId] = await _openCapturedValues("440641c4799893348dd3a95e96a2825d743d4009", _captured2);
  var answer = $$answer_4f7b2f6b.bind(null, _captureValues("4f7b2f6bf8bdb53bc76be78631837ad25c7e7dc2", "answer", ["surveyId", "session"], () => [surveyId, session]));
  const session = await db.sessions.open(surveyId, respondent);
  return answer;
}, "440641c4799893348dd3a95e96a2825d743d4009", null);
export function Survey({
  surveyId
}) {
  var start = $$start_440641c4.bind(null, _captureValues("440641c4799893348dd3a95e96a2825d743d4009", "start", ["surveyId"], () => [surveyId]));
  return start;
}