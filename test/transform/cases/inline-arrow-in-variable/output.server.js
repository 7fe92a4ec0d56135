import { registerServerReference as _registerServerReference } from "react-server-dom-webpack/server";
import { captureValues as _captureValues, openCapturedValues as _openCapturedValues } from "webpack-server-actions/runtime/captured-values";
import { db } from "./db";
export const $$increment_70b9cb92 = _registerServerReference(async _captured => {
  "use server";

  let [counterId, step] = await _openCapturedValues("70b9cb92827237ca6b9600b6c3b0f97b2294b21e", _captured);
  return db.increment(counterId, step);
}, "70b9cb92827237ca6b9600b6c3b0f97b2294b21e", null);
export const $$reset_f2dc9571 = _registerServerReference(async (_captured2, to) => {
  "use server";

  let [counterId] = await _openCapturedValues("f2dc957156d10b8918641cace0fe96cbdeb763bb", _captured2);
  return db.set(counterId, to);
}, "f2dc957156d10b8918641cace0fe96cbdeb763bb", null);
export function Counter({
  counterId,
  step = 1
}) {
  const increment = $$increment_70b9cb92.bind(null, _captureValues("70b9cb92827237ca6b9600b6c3b0f97b2294b21e", "increment", ["counterId", "step"], () => [counterId, step]));
  const reset = $$reset_f2dc9571.bind(null, _captureValues("f2dc957156d10b8918641cace0fe96cbdeb763bb", "reset", ["counterId"], () => [counterId]));
  return {
    increment,
    reset
  };
}