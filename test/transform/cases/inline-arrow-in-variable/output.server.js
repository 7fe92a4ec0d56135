import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$increment_24cfa06e = _registerServerReference(async _captured => {
  "use server";

  let [counterId, step] = await _openCapturedValues("24cfa06e1a6654c809b7105a32dc2ff46167dd61", _captured);
  return db.increment(counterId, step);
}, "24cfa06e1a6654c809b7105a32dc2ff46167dd61", null);
export const $$reset_f48e0484 = _registerServerReference(async (_captured2, to) => {
  "use server";

  let [counterId] = await _openCapturedValues("f48e048471c268dcbf9e8b15b88ef9d10920c30e", _captured2);
  return db.set(counterId, to);
}, "f48e048471c268dcbf9e8b15b88ef9d10920c30e", null);
export function Counter({
  counterId,
  step = 1
}) {
  const increment = $$increment_24cfa06e.bind(null, _captureValues("24cfa06e1a6654c809b7105a32dc2ff46167dd61", "increment", ["counterId", "step"], () => [counterId, step]));
  const reset = $$reset_f48e0484.bind(null, _captureValues("f48e048471c268dcbf9e8b15b88ef9d10920c30e", "reset", ["counterId"], () => [counterId]));
  return {
    increment,
    reset
  };
}