import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$answer_b314c910 = _registerServerReference(async function answer(_captured, question, value) {
  "use server";

  let [surveyId, session] = await _openCapturedValues("b314c9102e16e09424a5b90f74c05ea96eff62b0", _captured);
  await db.answers.add(surveyId, session, question, value);
}, "b314c9102e16e09424a5b90f74c05ea96eff62b0", null);
export const $$start_465f28bf = _registerServerReference(async function start(_captured2, respondent) {
  "use server";

  let [surveyId] = await _openCapturedValues("465f28bf53192560fff3662890a5d088cd665d4d", _captured2);
  var answer = $$answer_b314c910.bind(null, _captureValues("b314c9102e16e09424a5b90f74c05ea96eff62b0", "answer", ["surveyId", "session"], () => [surveyId, session]));
  const session = await db.sessions.open(surveyId, respondent);
  return answer;
}, "465f28bf53192560fff3662890a5d088cd665d4d", null);
export function Survey({
  surveyId
}) {
  var start = $$start_465f28bf.bind(null, _captureValues("465f28bf53192560fff3662890a5d088cd665d4d", "start", ["surveyId"], () => [surveyId]));
  return start;
}