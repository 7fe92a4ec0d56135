"use server";
import { helpers } from "./helpers";

const { __serverFunction_default, nested: [__serverFunction_default1] } = helpers;

const __serverFunction_default2 = async (note) => {
  return __serverFunction_default(__serverFunction_default1(note));
};__registerServerReference(__serverFunction_default2, "818f51abfe23b6ec58a15fd2bc64b6d899cc0125", null);

;import { registerServerReference as __registerServerReference } from "react-server-dom-webpack/server";
export default __serverFunction_default2;
