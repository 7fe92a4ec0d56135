"use server";
import { helpers } from "./helpers";

const { __serverFunction_default, nested: [__serverFunction_default1] } = helpers;

export default async (note) => {
  return __serverFunction_default(__serverFunction_default1(note));
};
